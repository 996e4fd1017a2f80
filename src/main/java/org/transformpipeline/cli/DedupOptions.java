package org.transformpipeline.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.transformpipeline.pipeline.dedup.DedupMode;
import org.transformpipeline.pipeline.dedup.DedupSettings;
import picocli.CommandLine.Option;

/** Cross-batch dedup ({@code @Mixin}): mapped onto {@link DedupSettings}. */
public final class DedupOptions {

  /** {@code --bloom-fpp} when not given. */
  static final double DEFAULT_BLOOM_FPP = 1e-6;

  @Option(
      names = "--dedup",
      paramLabel = "MODE",
      defaultValue = "bloom",
      description =
          "Cross-batch dedup: bloom (scalable split-block Bloom filter, ~42 bits per product), exact (128-bit"
              + " hashes, ~32 bytes per product) or none. Default: ${DEFAULT-VALUE}.")
  String dedup;

  @Option(
      names = "--expected-products",
      paramLabel = "N",
      defaultValue = "50000000",
      description =
          "Unique products expected: sizes the dedup (the Bloom filter grows past it"
              + " and keeps its rate). Default: ${DEFAULT-VALUE}.")
  long expectedProducts;

  // No picocli default: given with a mode other than bloom, it is an error.
  @Option(
      names = "--bloom-fpp",
      paramLabel = "P",
      description =
          "False-positive rate of the Bloom filter (the chance that a new product is"
              + " dropped as a duplicate). Default: 1e-6.")
  Double bloomFpp;

  @Option(
      names = "--dedup-state",
      paramLabel = "FILE",
      description =
          "Load the dedup state from FILE at the start if it exists, save it there at the end:"
              + " runs over parts of a library then dedup as one run. Default: none.")
  Path dedupState;

  /** The settings, validated: every message names the option and the value given. */
  DedupSettings settings() {
    DedupMode mode = mode(dedup);
    if (bloomFpp != null && mode != DedupMode.BLOOM) {
      throw UserException.usage("--bloom-fpp applies only to --dedup bloom, got --dedup " + dedup);
    }
    double fpp = bloomFpp == null ? DEFAULT_BLOOM_FPP : bloomFpp;
    ApplyOptions.atLeastOne("--expected-products", expectedProducts);
    if (!(fpp > 0 && fpp < 1)) {
      throw UserException.usage("--bloom-fpp must be > 0 and < 1, got " + fpp);
    }
    if (dedupState != null && mode == DedupMode.NONE) {
      throw UserException.usage("--dedup-state needs --dedup bloom or exact, not none");
    }
    return new DedupSettings(mode, expectedProducts, fpp, dedupState);
  }

  private static DedupMode mode(String value) {
    for (DedupMode mode : DedupMode.values()) {
      if (mode.optionValue().equals(value.toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw UserException.usage("--dedup must be one of bloom, exact, none, got " + value);
  }
}
