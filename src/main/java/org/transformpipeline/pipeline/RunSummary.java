package org.transformpipeline.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param generations each generation's counts, in order (one for a one-generation run); the run's
 *     {@code rows} are generation 1's (the input rows), its {@code products} and {@code transforms}
 *     the sums over generations; empty in summaries written before generations existed
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
    List<RunTimeline.Sample> timeline,
    List<GenerationCounts> generations) {

  public RunSummary {
    generations = generations == null ? List.of() : List.copyOf(generations);
  }

  /** A one-generation summary with no per-generation list. */
  public RunSummary(
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
    this(
        input,
        output,
        settings,
        rows,
        products,
        transforms,
        dedup,
        performance,
        rejectedExamples,
        timeline,
        List.of());
  }

  /**
   * What one generation did.
   *
   * @param generation from 1
   * @param transforms the scenario step it belonged to ({@code all} for plain {@code
   *     --generations})
   * @param parents what became of its parent rows (generation 1: the input rows; later: the new
   *     unique products of the generation before)
   * @param products what became of its products
   * @param elapsedSeconds its wall time in this run (0 when an interrupted run had finished it)
   * @param productsPerSecond products generated per second of its wall time
   * @param peakHeapPoolBytes the heap memory pools' peak usage during it (JMX)
   * @param peakRssBytes the process's peak resident set size during it (0 where the system cannot
   *     tell)
   * @param peakHeapAfterGcBytes the most heap in use right after a garbage collection during it:
   *     what the run held, unlike the pools' peak, which says when the collector chose to run
   */
  public record GenerationCounts(
      int generation,
      String transforms,
      RowCounts parents,
      ProductCounts products,
      double elapsedSeconds,
      double productsPerSecond,
      long peakHeapPoolBytes,
      long peakRssBytes,
      long peakHeapAfterGcBytes) {}

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
   * @param belowMinScore products whose score (the product of the probabilities along their
   *     pathway) is below {@code --min-score}: not written, not transformed further
   * @param inputDuplicates products equal to an input molecule ({@code --exclude-inputs}, or the
   *     rows of an {@code apply} output being continued)
   * @param cappedPerRoot products not written because their root already had {@code
   *     --max-products-per-root} products
   * @param filtered valid products a product filter removed ({@code --filter-*} or the library's
   *     {@code filters:}; not in {@code generated}): not written, not transformed further
   * @param filteredByReason those by the first criterion they failed ({@code max_weight}, {@code
   *     must_match [SMARTS]}, ...)
   */
  public record ProductCounts(
      long generated,
      long rejected,
      Map<String, Long> rejectedByCategory,
      long capped,
      long inBatchDuplicates,
      long crossBatchDuplicates,
      long written,
      long fragmentsWritten,
      long belowMinScore,
      long inputDuplicates,
      long cappedPerRoot,
      long filtered,
      Map<String, Long> filteredByReason) {

    public ProductCounts {
      // a checkpoint written before filters existed has neither
      filteredByReason = filteredByReason == null ? Map.of() : filteredByReason;
    }

    /** Products counts without the generation options' (min score, input duplicates, root cap). */
    public ProductCounts(
        long generated,
        long rejected,
        Map<String, Long> rejectedByCategory,
        long capped,
        long inBatchDuplicates,
        long crossBatchDuplicates,
        long written,
        long fragmentsWritten) {
      this(
          generated,
          rejected,
          rejectedByCategory,
          capped,
          inBatchDuplicates,
          crossBatchDuplicates,
          written,
          fragmentsWritten,
          0,
          0,
          0,
          0,
          Map.of());
    }

    /** These counts and another's, added field by field (categories merged). */
    public ProductCounts plus(ProductCounts o) {
      Map<String, Long> categories = new LinkedHashMap<>(rejectedByCategory);
      o.rejectedByCategory.forEach((k, v) -> categories.merge(k, v, Long::sum));
      Map<String, Long> reasons = new TreeMap<>(filteredByReason);
      o.filteredByReason.forEach((k, v) -> reasons.merge(k, v, Long::sum));
      return new ProductCounts(
          generated + o.generated,
          rejected + o.rejected,
          categories,
          capped + o.capped,
          inBatchDuplicates + o.inBatchDuplicates,
          crossBatchDuplicates + o.crossBatchDuplicates,
          written + o.written,
          fragmentsWritten + o.fragmentsWritten,
          belowMinScore + o.belowMinScore,
          inputDuplicates + o.inputDuplicates,
          cappedPerRoot + o.cappedPerRoot,
          filtered + o.filtered,
          reasons);
    }
  }

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

  /** A run's counts over its generations, under the given input, output and settings. */
  public static RunSummary of(
      String input,
      String output,
      Settings settings,
      RunTotals totals,
      List<GenerationCounts> generations) {
    RunSummary one = of(input, output, settings, totals);
    return new RunSummary(
        input,
        output,
        settings,
        one.rows,
        one.products,
        one.transforms,
        one.dedup,
        one.performance,
        one.rejectedExamples,
        one.timeline,
        generations);
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
        totals.timeline(),
        List.of());
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
        "products generated = below --min-score + in-batch duplicates + cross-batch duplicates"
            + " + equal to an input + capped per root + products written",
        products.generated(),
        products.belowMinScore()
            + products.inBatchDuplicates()
            + products.crossBatchDuplicates()
            + products.inputDuplicates()
            + products.cappedPerRoot()
            + products.written());
    check(
        violations,
        "products rejected = sum of products rejected by category",
        products.rejected(),
        products.rejectedByCategory().values().stream().mapToLong(Long::longValue).sum());
    check(
        violations,
        "products filtered = sum of products filtered by reason",
        products.filtered(),
        products.filteredByReason().values().stream().mapToLong(Long::longValue).sum());
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
    if (!generations.isEmpty()) {
      ProductCounts sum = generations.get(0).products();
      for (GenerationCounts g : generations.subList(1, generations.size())) {
        sum = sum.plus(g.products());
      }
      check(
          violations, "products written = sum over generations", products.written(), sum.written());
      check(
          violations,
          "products generated = sum over generations",
          products.generated(),
          sum.generated());
      for (GenerationCounts g : generations) {
        RowCounts p = g.parents();
        check(
            violations,
            "generation " + g.generation() + ": parents = with products + no site + rejected",
            p.read(),
            p.withProducts() + p.noSite() + p.rejected());
        if (g.generation() > 1) {
          check(
              violations,
              "generation "
                  + g.generation()
                  + ": parents = products written in generation "
                  + (g.generation() - 1),
              p.read(),
              generations.get(g.generation() - 2).products().written());
        }
      }
    }
    return violations;
  }

  private static void check(List<String> violations, String identity, long left, long right) {
    if (left != right) {
      violations.add(identity + ": " + left + " != " + right);
    }
  }
}
