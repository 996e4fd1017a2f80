package org.transformpipeline.pipeline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.transformpipeline.chem.Rejection;

/**
 * Running counts of a pipeline run, fed by the consumer after each batch.
 *
 * <p>Not thread-safe: owned by the consumer thread.
 */
final class RunTally {

  /** Rejected at these stages, a row's SMILES did not (or may not) parse. */
  private static final Set<Rejection.Stage> NOT_PARSED =
      EnumSet.of(Rejection.Stage.INPUT, Rejection.Stage.PARSE, Rejection.Stage.INTERNAL);

  static final int MAX_REJECTED_EXAMPLES = 20;

  long rowsRead;
  long rowsNotParsed;
  long rowsRejected;
  long rowsNoSite;
  long rowsWithProducts;
  final Map<String, Long> rowRejectsByCategory = new TreeMap<>();
  final List<RowRejection> rejectedExamples = new ArrayList<>();

  long productsGenerated;
  long productsRejected;
  final Map<String, Long> productRejectsByCategory = new TreeMap<>();
  long productsCapped;
  long inBatchDuplicates;
  long crossBatchDuplicates;
  long productsWritten;
  long fragmentsWritten;
  final Map<String, long[]> byTransform = new TreeMap<>();

  long workerNanos;
  long peakHeapUsed;

  /** Adds a batch's own counts (everything but the cross-batch dedup, counted while writing). */
  void addBatch(BatchResult result) {
    rowsRead += result.rowsRead();
    rowsNoSite += result.rowsNoSite();
    rowsWithProducts += result.rowsWithProducts();
    for (RowRejection rejection : result.rowRejections()) {
      rowsRejected++;
      if (NOT_PARSED.contains(rejection.rejection().stage())) {
        rowsNotParsed++;
      }
      rowRejectsByCategory.merge(rejection.rejection().category(), 1L, Long::sum);
      if (rejectedExamples.size() < MAX_REJECTED_EXAMPLES) {
        rejectedExamples.add(rejection);
      }
    }
    productsGenerated += result.productsGenerated();
    for (Map.Entry<String, Long> e : result.productRejectsByCategory().entrySet()) {
      productsRejected += e.getValue();
      productRejectsByCategory.merge(e.getKey(), e.getValue(), Long::sum);
    }
    productsCapped += result.productsCapped();
    inBatchDuplicates += result.inBatchDuplicates();
    result.generatedByTransform().forEach((name, n) -> transform(name)[0] += n);
    workerNanos += result.workerNanos();
  }

  void written(ProductRow row) {
    productsWritten++;
    fragmentsWritten += row.fragment() > 0 ? 1 : 0;
    transform(row.transform())[1]++;
  }

  void crossBatchDuplicate() {
    crossBatchDuplicates++;
  }

  void sampleHeap(long used) {
    peakHeapUsed = Math.max(peakHeapUsed, used);
  }

  /** The counts so far, after {@code batchesWritten} batches. */
  RunCheckpoint checkpoint(long batchesWritten) {
    return new RunCheckpoint(batchesWritten, rows(), products(), transforms(), rejectedExamples);
  }

  /** Replaces every count by the checkpoint's (a resumed run goes on from there). */
  void restore(RunCheckpoint c) {
    RunSummary.RowCounts r = c.rows();
    rowsRead = r.read();
    rowsNotParsed = r.read() - r.parsed();
    rowsRejected = r.rejected();
    rowsNoSite = r.noSite();
    rowsWithProducts = r.withProducts();
    rowRejectsByCategory.clear();
    rowRejectsByCategory.putAll(r.rejectedByCategory());
    rejectedExamples.clear();
    rejectedExamples.addAll(c.rejectedExamples());
    RunSummary.ProductCounts p = c.products();
    productsGenerated = p.generated();
    productsRejected = p.rejected();
    productRejectsByCategory.clear();
    productRejectsByCategory.putAll(p.rejectedByCategory());
    productsCapped = p.capped();
    inBatchDuplicates = p.inBatchDuplicates();
    crossBatchDuplicates = p.crossBatchDuplicates();
    productsWritten = p.written();
    fragmentsWritten = p.fragmentsWritten();
    byTransform.clear();
    c.transforms()
        .forEach((name, t) -> byTransform.put(name, new long[] {t.generated(), t.written()}));
  }

  private long[] transform(String name) {
    return byTransform.computeIfAbsent(name, n -> new long[2]);
  }

  RunSummary.RowCounts rows() {
    return new RunSummary.RowCounts(
        rowsRead,
        rowsRead - rowsNotParsed,
        rowsRejected,
        new LinkedHashMap<>(rowRejectsByCategory),
        rowsNoSite,
        rowsWithProducts);
  }

  RunSummary.ProductCounts products() {
    return new RunSummary.ProductCounts(
        productsGenerated,
        productsRejected,
        new LinkedHashMap<>(productRejectsByCategory),
        productsCapped,
        inBatchDuplicates,
        crossBatchDuplicates,
        productsWritten,
        fragmentsWritten);
  }

  Map<String, RunSummary.TransformCounts> transforms() {
    Map<String, RunSummary.TransformCounts> out = new LinkedHashMap<>();
    byTransform.forEach((name, c) -> out.put(name, new RunSummary.TransformCounts(c[0], c[1])));
    return out;
  }
}
