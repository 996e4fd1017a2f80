package org.transformpipeline.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.transformpipeline.chem.EnumerationLimits;
import org.transformpipeline.pipeline.dedup.DedupMode;

/**
 * The {@code apply} options after parsing, defaults resolved and validated: a bad value or
 * combination is a usage error (exit 2) with one precise line, e.g. {@code --max-in-flight must be
 * >= 1, got 0}. Immutable.
 *
 * @param input the input Parquet library
 * @param output the products file to create
 * @param overwrite whether an existing output may be replaced
 * @param smilesColumn the input column holding SMILES
 * @param idColumn the input id column, or null for "id if present, else the row number"
 * @param batchSize rows per batch
 * @param workers worker threads
 * @param maxInFlight batches read but not yet written, at most
 * @param dedup the cross-batch dedup mode
 * @param expectedProducts the dedup sizing hint
 * @param bloomFpp the Bloom filter's false-positive rate
 * @param maxProductsPerParent the per-parent product cap
 * @param maxHeavyAtoms parents with more heavy atoms are rejected
 * @param timePerParentMillis a parent still being enumerated after this many ms is rejected
 * @param progressEvery a progress line every this many batches
 * @param quiet no progress lines
 * @param failOnReject exit 1 (after writing every output) when any row or product was rejected
 * @param resume go on from the parts a killed run left behind
 * @param dedupState the file the dedup state is loaded from (if it exists) and saved to, or null
 * @param partBatches commit a part of the output at least every this many batches (the other limits
 *     of {@code RunOutput.PartLimits} apply too)
 * @param report the HTML run report to write after the output, or null for none
 */
public record ApplyOptions(
    Path input,
    Path output,
    boolean overwrite,
    String smilesColumn,
    String idColumn,
    int batchSize,
    int workers,
    int maxInFlight,
    DedupMode dedup,
    long expectedProducts,
    double bloomFpp,
    int maxProductsPerParent,
    int maxHeavyAtoms,
    long timePerParentMillis,
    int progressEvery,
    boolean quiet,
    boolean failOnReject,
    boolean resume,
    Path dedupState,
    long partBatches,
    Path report) {

  /** Validates; every message names the option and the value given. */
  public ApplyOptions {
    atLeastOne("--max-heavy-atoms", maxHeavyAtoms);
    atLeastOne("--time-per-parent", timePerParentMillis);
    atLeastOne("--part-batches", partBatches);
    atLeastOne("--batch-size", batchSize);
    atLeastOne("--workers", workers);
    atLeastOne("--max-in-flight", maxInFlight);
    atLeastOne("--expected-products", expectedProducts);
    atLeastOne("--max-products-per-parent", maxProductsPerParent);
    atLeastOne("--progress-every", progressEvery);
    if (!(bloomFpp > 0 && bloomFpp < 1)) {
      throw UserException.usage("--bloom-fpp must be > 0 and < 1, got " + bloomFpp);
    }
    if (smilesColumn == null || smilesColumn.isBlank()) {
      throw UserException.usage("--smiles-column must not be empty");
    }
    if (idColumn != null && idColumn.isBlank()) {
      throw UserException.usage("--id-column must not be empty");
    }
    if (idColumn != null && idColumn.equals(smilesColumn)) {
      throw UserException.usage(
          "--id-column and --smiles-column are the same column: " + smilesColumn);
    }
    if (same(input, output)) {
      throw UserException.usage("--output is the same file as --input: " + output);
    }
    if (dedupState != null) {
      if (dedup == DedupMode.NONE) {
        throw UserException.usage("--dedup-state needs --dedup bloom or exact, not none");
      }
      if (same(dedupState, input) || same(dedupState, output)) {
        throw UserException.usage(
            "--dedup-state must be a file of its own, not --input or --output: " + dedupState);
      }
    }
    if (report != null && (same(report, input) || same(report, output))) {
      throw UserException.usage("--report is the same file as --input or --output: " + report);
    }
  }

  /** The per-parent guards these options set. */
  public EnumerationLimits limits() {
    return new EnumerationLimits(
        maxProductsPerParent, maxHeavyAtoms, Duration.ofMillis(timePerParentMillis));
  }

  private static boolean same(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /**
   * Builds the options from raw values, resolving the defaults that depend on others: {@code
   * workers} null means the number of processors, {@code maxInFlight} null means {@code 2 x
   * workers}.
   *
   * @param bloomFppGiven whether {@code --bloom-fpp} was on the command line (it is an error with a
   *     mode other than bloom)
   */
  public static ApplyOptions resolve(
      Path input,
      Path output,
      boolean overwrite,
      String smilesColumn,
      String idColumn,
      int batchSize,
      Integer workers,
      Integer maxInFlight,
      String dedup,
      long expectedProducts,
      double bloomFpp,
      boolean bloomFppGiven,
      int maxProductsPerParent,
      int maxHeavyAtoms,
      long timePerParentMillis,
      int progressEvery,
      boolean quiet,
      boolean failOnReject,
      boolean resume,
      Path dedupState,
      long partBatches,
      Path report) {
    DedupMode mode = dedupMode(dedup);
    if (bloomFppGiven && mode != DedupMode.BLOOM) {
      throw UserException.usage("--bloom-fpp applies only to --dedup bloom, got --dedup " + dedup);
    }
    int w = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
    atLeastOne("--workers", w);
    int inFlight = maxInFlight == null ? 2 * w : maxInFlight;
    return new ApplyOptions(
        input,
        output,
        overwrite,
        smilesColumn,
        idColumn,
        batchSize,
        w,
        inFlight,
        mode,
        expectedProducts,
        bloomFpp,
        maxProductsPerParent,
        maxHeavyAtoms,
        timePerParentMillis,
        progressEvery,
        quiet,
        failOnReject,
        resume,
        dedupState,
        partBatches,
        report);
  }

  private static DedupMode dedupMode(String value) {
    for (DedupMode mode : DedupMode.values()) {
      if (mode.optionValue().equals(value.toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw UserException.usage("--dedup must be one of bloom, exact, none, got " + value);
  }

  private static void atLeastOne(String option, long value) {
    if (value < 1) {
      throw UserException.usage(option + " must be >= 1, got " + value);
    }
  }
}
