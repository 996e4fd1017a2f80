package org.transformpipeline.cli;

import java.time.Duration;
import org.transformpipeline.chem.EnumerationLimits;
import picocli.CommandLine.Option;

/**
 * How each parent is enumerated ({@code @Mixin}): the per-parent guards, mapped onto {@link
 * EnumerationLimits}. An option the chemistry takes goes here: one field, and its value in the
 * record it belongs to.
 */
public final class EnumerationOptions {

  @Option(
      names = "--max-products-per-parent",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "At most this many products per parent (all transforms); the rest are"
              + " counted as capped. Default: ${DEFAULT-VALUE}.")
  int maxProductsPerParent;

  @Option(
      names = "--max-heavy-atoms",
      paramLabel = "N",
      defaultValue = "500",
      description =
          "Parents with more heavy atoms are rejected (stage parent) without matching."
              + " Default: ${DEFAULT-VALUE}.")
  int maxHeavyAtoms;

  @Option(
      names = "--time-per-parent",
      paramLabel = "MS",
      defaultValue = "10000",
      description =
          "A parent still being enumerated after this many milliseconds is rejected (stage"
              + " timeout; checked between products). Default: ${DEFAULT-VALUE}.")
  long timePerParentMillis;

  /** The guards, validated: every message names the option and the value given. */
  public EnumerationLimits limits() {
    ApplyOptions.atLeastOne("--max-heavy-atoms", maxHeavyAtoms);
    ApplyOptions.atLeastOne("--time-per-parent", timePerParentMillis);
    ApplyOptions.atLeastOne("--max-products-per-parent", maxProductsPerParent);
    return new EnumerationLimits(
        maxProductsPerParent, maxHeavyAtoms, Duration.ofMillis(timePerParentMillis));
  }
}
