package org.transformpipeline.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a run did, printed at the end and written as {@code <output>.summary.json}.
 *
 * <p>The counts add up (see {@link #identityViolations()}): every row read ends in exactly one of
 * with-products, no-site or rejected; every valid product generated is either an in-batch
 * duplicate, a cross-batch duplicate or written.
 *
 * @param input the input file
 * @param output the output file
 * @param settings the options the run used
 * @param rows what became of the input rows
 * @param products what became of the products
 * @param transforms per transform name: products generated and written
 * @param dedup the cross-batch deduplicator's mode, memory and expected false drops
 * @param performance timings, in-flight and memory
 * @param rejectedExamples the first few rejected rows, to find them in the input
 * @param timeline one sample per written batch, thinned to at most a few thousand evenly spread
 *     (see {@link RunTimeline}); null in summaries written before it existed
 */
public record RunSummary(
    String input,
    String output,
    Settings settings,
    RowCounts rows,
    ProductCounts products,
    Map<String, TransformCounts> transforms,
    DedupStats dedup,
    Performance performance,
    List<RowRejection> rejectedExamples,
    List<RunTimeline.Sample> timeline) {

  /**
   * The options that shape a run, as given (after defaults). Those that do not change the output
   * (workers, in-flight bound, batch size) are kept here and not in the output file's footer, so
   * that the output is byte-identical whatever they are.
   *
   * @param maxHeavyAtoms the parent size guard (0 in summaries written before it was recorded)
   * @param timePerParentMillis the per-parent time guard (0 in older summaries)
   * @param resumedFromBatch the batch a resumed run went on from (0 for a run from the start)
   */
  public record Settings(
      int workers,
      int maxInFlight,
      int batchSize,
      String dedup,
      long expectedProducts,
      double bloomFpp,
      int maxProductsPerParent,
      List<String> transforms,
      int maxHeavyAtoms,
      long timePerParentMillis,
      long resumedFromBatch) {}

  /**
   * @param read rows read from the input
   * @param parsed rows whose SMILES the parser accepted: all but those rejected at stage input,
   *     parse or internal, and parents rejected as too large (counted from the SMILES text, before
   *     parsing); see {@link RunSummary#rejectedBeforeParsing}
   * @param rejected rows rejected at any stage
   * @param rejectedByCategory rejected rows by {@code Rejection.category()}
   * @param noSite rows that matched no transform
   * @param withProducts rows where at least one transform matched
   */
  public record RowCounts(
      long read,
      long parsed,
      long rejected,
      Map<String, Long> rejectedByCategory,
      long noSite,
      long withProducts) {}

  /**
   * @param generated valid products made, before dedup
   * @param rejected products that failed validation (not in {@code generated})
   * @param rejectedByCategory those by {@code Rejection.category()}
   * @param capped products not made because of the per-parent cap (not in {@code generated})
   * @param inBatchDuplicates products an earlier row of the same batch had made
   * @param crossBatchDuplicates products an earlier batch had made (or a Bloom false drop)
   * @param written rows in the output file
   * @param fragmentsWritten those that are one component of a cleavage product ({@code --fragments
   *     split}); 0 when products are kept whole
   */
  public record ProductCounts(
      long generated,
      long rejected,
      Map<String, Long> rejectedByCategory,
      long capped,
      long inBatchDuplicates,
      long crossBatchDuplicates,
      long written,
      long fragmentsWritten) {}

  /** Products of one transform: made (before dedup) and written. */
  public record TransformCounts(long generated, long written) {}

  /**
   * @param mode bloom, exact or none
   * @param description the structure's own description (sizing, stages)
   * @param memoryBytes bytes held by its arrays
   * @param expectedFalseDrops expected number of new products wrongly dropped (bloom only)
   */
  public record DedupStats(
      String mode, String description, long memoryBytes, double expectedFalseDrops) {}

  /**
   * @param elapsedSeconds wall time of the pipeline, from first read to commit
   * @param rowsPerSecond rows read / elapsed
   * @param maxInFlightObserved most batches submitted but not yet written at any time
   * @param consumerBusySeconds time the consumer spent deduplicating, writing and reporting
   * @param consumerWaitSeconds time the consumer spent waiting for the next result
   * @param workerSeconds time summed over workers spent on batches
   * @param peakHeapUsedBytes highest heap use sampled by the consumer after each batch
   * @param peakHeapPoolBytes sum of the heap memory pools' peak usage (JMX), which also sees peaks
   *     between samples
   * @param heapMaxBytes the JVM's maximum heap (-Xmx)
   * @param reorderHeldSeconds the cost in time of writing in input order: summed over batches, how
   *     long a finished batch waited in the reorder window for an earlier, slower one
   * @param maxReorderHeld the cost in memory: most finished batches held in the window at once (at
   *     most the in-flight bound)
   */
  public record Performance(
      double elapsedSeconds,
      double rowsPerSecond,
      int maxInFlightObserved,
      double consumerBusySeconds,
      double consumerWaitSeconds,
      double workerSeconds,
      long peakHeapUsedBytes,
      long peakHeapPoolBytes,
      long heapMaxBytes,
      double reorderHeldSeconds,
      int maxReorderHeld) {}

  /**
   * Whether a row rejected in this category ({@code Rejection.category()}) is not counted as
   * parsed: stage input (no SMILES), parse, internal (an exception, which may have come from the
   * parser), and {@code parent: too large}, which the size guard decides from the SMILES text
   * before parsing (the parser overflows on huge molecules).
   */
  public static boolean rejectedBeforeParsing(String category) {
    return category.startsWith("input: ")
        || category.startsWith("parse: ")
        || category.startsWith("internal: ")
        || category.equals("parent: too large");
  }

  /** This run's counts under the given input, output and settings. */
  public static RunSummary of(String input, String output, Settings settings, RunTotals totals) {
    return new RunSummary(
        input,
        output,
        settings,
        totals.rows(),
        totals.products(),
        totals.transforms(),
        totals.dedup(),
        totals.performance(),
        totals.rejectedExamples(),
        totals.timeline());
  }

  /**
   * The count identities that do not hold, as readable lines; empty when the counts add up. Used by
   * the tests and checked at the end of every run.
   */
  public List<String> identityViolations() {
    List<String> violations = new ArrayList<>();
    check(
        violations,
        "rows read = rows with products + rows with no site + rows rejected",
        rows.read(),
        rows.withProducts() + rows.noSite() + rows.rejected());
    check(
        violations,
        "rows parsed = rows with products + rows with no site + rows rejected after parsing"
            + " (at stage parent, but not as too large, or timeout)",
        rows.parsed(),
        rows.withProducts()
            + rows.noSite()
            + rows.rejectedByCategory().entrySet().stream()
                .filter(e -> !rejectedBeforeParsing(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum());
    check(
        violations,
        "rows rejected = sum of rows rejected by category",
        rows.rejected(),
        rows.rejectedByCategory().values().stream().mapToLong(Long::longValue).sum());
    check(
        violations,
        "products generated = in-batch duplicates + cross-batch duplicates + products written",
        products.generated(),
        products.inBatchDuplicates() + products.crossBatchDuplicates() + products.written());
    check(
        violations,
        "products rejected = sum of products rejected by category",
        products.rejected(),
        products.rejectedByCategory().values().stream().mapToLong(Long::longValue).sum());
    check(
        violations,
        "products generated = sum over transforms of generated",
        products.generated(),
        transforms.values().stream().mapToLong(TransformCounts::generated).sum());
    check(
        violations,
        "products written = sum over transforms of written",
        products.written(),
        transforms.values().stream().mapToLong(TransformCounts::written).sum());
    return violations;
  }

  private static void check(List<String> violations, String identity, long left, long right) {
    if (left != right) {
      violations.add(identity + ": " + left + " != " + right);
    }
  }
}
