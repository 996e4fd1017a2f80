package org.transformpipeline.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running counts of a run, fed after each batch in order: the run's accounting, with no file system
 * and no command line, so that another runner (a loop over generations, a Spark job reducing the
 * {@link BatchResult}s of its partitions in order) counts as {@link Pipeline} does and gets the
 * same {@link RunCheckpoint} and summary counts.
 *
 * <p>Not thread-safe: owned by one thread (the pipeline's consumer).
 */
public final class RunTally {

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
  long belowMinScore;
  long inputDuplicates;
  long cappedPerRoot;
  final Map<String, Long> filteredByReason = new TreeMap<>();
  final Map<String, long[]> byTransform = new TreeMap<>();

  long workerNanos;
  long peakHeapUsed;

  /** Adds a batch's own counts (everything but the cross-batch dedup, counted while writing). */
  public void addBatch(BatchResult result) {
    rowsRead += result.rowsRead();
    rowsNoSite += result.rowsNoSite();
    rowsWithProducts += result.rowsWithProducts();
    for (RowRejection rejection : result.rowRejections()) {
      rowsRejected++;
      if (RunSummary.rejectedBeforeParsing(rejection.rejection().category())) {
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
    belowMinScore += result.belowMinScore();
    result.filteredByReason().forEach((k, v) -> filteredByReason.merge(k, v, Long::sum));
    result.generatedByTransform().forEach((name, n) -> transform(name)[0] += n);
    workerNanos += result.workerNanos();
  }

  /** Counts a product written (it passed the cross-batch dedup). */
  public void written(ProductRow row) {
    productsWritten++;
    fragmentsWritten += row.fragment() > 0 ? 1 : 0;
    transform(row.transform())[1]++;
  }

  /** Counts a product dropped by the cross-batch dedup. */
  public void crossBatchDuplicate() {
    crossBatchDuplicates++;
  }

  /** Counts a product dropped because it equals an input molecule. */
  public void inputDuplicate() {
    inputDuplicates++;
  }

  /** Counts a product dropped because its root had its fill of products. */
  public void cappedPerRoot() {
    cappedPerRoot++;
  }

  void sampleHeap(long used) {
    peakHeapUsed = Math.max(peakHeapUsed, used);
  }

  /** The counts so far, after {@code batchesWritten} batches. */
  public RunCheckpoint checkpoint(long batchesWritten) {
    return new RunCheckpoint(batchesWritten, rows(), products(), transforms(), rejectedExamples);
  }

  /** Replaces every count by the checkpoint's (a resumed run goes on from there). */
  public void restore(RunCheckpoint c) {
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
    belowMinScore = p.belowMinScore();
    inputDuplicates = p.inputDuplicates();
    cappedPerRoot = p.cappedPerRoot();
    filteredByReason.clear();
    filteredByReason.putAll(p.filteredByReason());
    byTransform.clear();
    c.transforms()
        .forEach((name, t) -> byTransform.put(name, new long[] {t.generated(), t.written()}));
  }

  private long[] transform(String name) {
    return byTransform.computeIfAbsent(name, n -> new long[2]);
  }

  /** What became of the rows so far. */
  public RunSummary.RowCounts rows() {
    return new RunSummary.RowCounts(
        rowsRead,
        rowsRead - rowsNotParsed,
        rowsRejected,
        new LinkedHashMap<>(rowRejectsByCategory),
        rowsNoSite,
        rowsWithProducts);
  }

  /** What became of the products so far. */
  public RunSummary.ProductCounts products() {
    return new RunSummary.ProductCounts(
        productsGenerated,
        productsRejected,
        new LinkedHashMap<>(productRejectsByCategory),
        productsCapped,
        inBatchDuplicates,
        crossBatchDuplicates,
        productsWritten,
        fragmentsWritten,
        belowMinScore,
        inputDuplicates,
        cappedPerRoot,
        filteredByReason.values().stream().mapToLong(Long::longValue).sum(),
        new LinkedHashMap<>(filteredByReason));
  }

  /** Per transform: products generated and written so far. */
  public Map<String, RunSummary.TransformCounts> transforms() {
    Map<String, RunSummary.TransformCounts> out = new LinkedHashMap<>();
    byTransform.forEach((name, c) -> out.put(name, new RunSummary.TransformCounts(c[0], c[1])));
    return out;
  }

  /** The progress line's figures after {@code written} of {@code total} batches. */
  ProgressReporter.Progress progress(
      long written, long total, int inFlight, int inFlightLimit, double seconds) {
    Runtime runtime = Runtime.getRuntime();
    return new ProgressReporter.Progress(
        written,
        total,
        inFlight,
        inFlightLimit,
        rowsRead,
        productsGenerated,
        productsWritten,
        seconds,
        runtime.totalMemory() - runtime.freeMemory(),
        runtime.maxMemory());
  }

  /** A point of the run's timeline, now. */
  RunTimeline.Sample sample(double seconds, int inFlight) {
    Runtime runtime = Runtime.getRuntime();
    return new RunTimeline.Sample(
        seconds,
        rowsRead,
        productsGenerated,
        productsWritten,
        (runtime.totalMemory() - runtime.freeMemory()) >> 20,
        inFlight);
  }
}
