package org.transformpipeline.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.transformpipeline.pipeline.BatchResult;
import org.transformpipeline.pipeline.RowRejection;
import org.transformpipeline.pipeline.RunSummary;

/**
 * The counts of one partition's batches (or, summed, of the whole input): what {@code apply}'s
 * {@code RunTally} counts from each {@link BatchResult}, minus what only the global dedup knows
 * (products written). It travels as data, one per partition in the partition's output, and not as a
 * Spark accumulator: a task that is retried or recomputed would add an accumulator's update again,
 * while the tallies of the one successful attempt per partition are what the driver collects.
 * Immutable.
 *
 * @param rowsRead rows read
 * @param rowsWithProducts rows that matched at least one transform
 * @param rowsNoSite rows that matched none
 * @param rowsRejected rows rejected at any stage
 * @param rowsNotParsed rows rejected before parsing (see {@link RunSummary#rejectedBeforeParsing})
 * @param rowRejectsByCategory rejected rows by category
 * @param productsGenerated valid products made, before dedup
 * @param productsRejected products that failed validation
 * @param productRejectsByCategory those by category
 * @param productsCapped products not made because of the per-parent cap
 * @param inBatchDuplicates products an earlier row of the same batch had made
 * @param belowMinScore products pruned by {@code --min-score}
 * @param candidates products left after in-batch dedup: what goes into the global dedup
 * @param generatedByTransform products generated, by transform
 * @param workerNanos time spent in {@code TransformWorker.process}
 */
record PartitionTally(
    long rowsRead,
    long rowsWithProducts,
    long rowsNoSite,
    long rowsRejected,
    long rowsNotParsed,
    Map<String, Long> rowRejectsByCategory,
    long productsGenerated,
    long productsRejected,
    Map<String, Long> productRejectsByCategory,
    long productsCapped,
    long inBatchDuplicates,
    long belowMinScore,
    long candidates,
    Map<String, Long> generatedByTransform,
    long workerNanos)
    implements Serializable {

  static final PartitionTally EMPTY =
      new PartitionTally(0, 0, 0, 0, 0, Map.of(), 0, 0, Map.of(), 0, 0, 0, 0, Map.of(), 0);

  PartitionTally {
    rowRejectsByCategory = new TreeMap<>(rowRejectsByCategory);
    productRejectsByCategory = new TreeMap<>(productRejectsByCategory);
    generatedByTransform = new TreeMap<>(generatedByTransform);
  }

  /** The counts of one batch. */
  static PartitionTally of(BatchResult r) {
    Map<String, Long> rowCategories = new TreeMap<>();
    long notParsed = 0;
    for (RowRejection rejection : r.rowRejections()) {
      String category = rejection.rejection().category();
      rowCategories.merge(category, 1L, Long::sum);
      if (RunSummary.rejectedBeforeParsing(category)) {
        notParsed++;
      }
    }
    long productsRejected =
        r.productRejectsByCategory().values().stream().mapToLong(Long::longValue).sum();
    return new PartitionTally(
        r.rowsRead(),
        r.rowsWithProducts(),
        r.rowsNoSite(),
        r.rowRejections().size(),
        notParsed,
        rowCategories,
        r.productsGenerated(),
        productsRejected,
        r.productRejectsByCategory(),
        r.productsCapped(),
        r.inBatchDuplicates(),
        r.belowMinScore(),
        r.candidates().size(),
        r.generatedByTransform(),
        r.workerNanos());
  }

  /** These counts and another's, field by field (maps merged). */
  PartitionTally plus(PartitionTally o) {
    return new PartitionTally(
        rowsRead + o.rowsRead,
        rowsWithProducts + o.rowsWithProducts,
        rowsNoSite + o.rowsNoSite,
        rowsRejected + o.rowsRejected,
        rowsNotParsed + o.rowsNotParsed,
        merged(rowRejectsByCategory, o.rowRejectsByCategory),
        productsGenerated + o.productsGenerated,
        productsRejected + o.productsRejected,
        merged(productRejectsByCategory, o.productRejectsByCategory),
        productsCapped + o.productsCapped,
        inBatchDuplicates + o.inBatchDuplicates,
        belowMinScore + o.belowMinScore,
        candidates + o.candidates,
        merged(generatedByTransform, o.generatedByTransform),
        workerNanos + o.workerNanos);
  }

  private static Map<String, Long> merged(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> sum = new TreeMap<>(a);
    b.forEach((k, v) -> sum.merge(k, v, Long::sum));
    return sum;
  }
}
