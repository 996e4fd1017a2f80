package org.transformpipeline.cli;

import java.util.List;
import org.transformpipeline.chem.Scenario;
import org.transformpipeline.chem.TransformDefinition;
import org.transformpipeline.run.Generations;
import picocli.CommandLine.Option;

/**
 * The options of a multi-step enumeration ({@code @Mixin} of {@code apply}): how many generations,
 * which transforms each applies, and how products are pruned. A bad value is a usage error naming
 * the option.
 */
public final class GenerationOptions {

  @Option(
      names = "--generations",
      paramLabel = "K",
      description =
          "Enumerate K generations: generation g transforms the new unique products of"
              + " generation g-1 (generation 1 the input rows). Default: 1.")
  Integer generations;

  @Option(
      names = "--scenario",
      paramLabel = "STEPS",
      description =
          "Transforms per generation, as SyGMa's scenarios: STEP,STEP,... with STEP ="
              + " CATEGORY_OR_NAMES:CYCLES (names joined by '+', or 'all'), e.g."
              + " phase1:2,phase2:1. Sets the number of generations. Default: every transform in"
              + " every generation.")
  String scenario;

  @Option(
      names = "--exclude-inputs",
      description =
          "Count a product equal to an input molecule as a duplicate: not written, not"
              + " transformed further. Default: ${DEFAULT-VALUE}.")
  boolean excludeInputs;

  @Option(
      names = "--min-score",
      paramLabel = "S",
      description =
          "Prune products whose score (the product of the transforms' probabilities along"
              + " their pathway; 1 for a transform with none) is below S (0 to 1). Default: 0.")
  double minScore;

  @Option(
      names = "--max-products-per-root",
      paramLabel = "N",
      description =
          "Write at most N products per input row over all generations (the rest counted as"
              + " capped). Default: no cap.")
  int maxProductsPerRoot;

  /** The generations of a run over {@code transforms}. */
  public Generations generations(List<TransformDefinition> transforms) {
    if (generations != null) {
      ApplyOptions.atLeastOne("--generations", generations);
    }
    if (!(minScore >= 0 && minScore <= 1)) {
      throw UserException.usage("--min-score must be between 0 and 1, got " + minScore);
    }
    if (maxProductsPerRoot < 0) {
      throw UserException.usage("--max-products-per-root must be >= 0, got " + maxProductsPerRoot);
    }
    Scenario plan;
    if (scenario != null) {
      try {
        plan = Scenario.parse(scenario, transforms);
      } catch (IllegalArgumentException e) {
        throw UserException.usage("--scenario " + scenario + ": " + e.getMessage());
      }
      if (generations != null && generations != plan.generations()) {
        throw UserException.usage(
            "--generations "
                + generations
                + " does not match --scenario "
                + scenario
                + ", which makes "
                + plan.generations()
                + " generations (give one of them)");
      }
    } else {
      plan = Scenario.repeat(transforms, generations == null ? 1 : generations);
    }
    return new Generations(plan, excludeInputs, minScore, maxProductsPerRoot);
  }
}
