package org.transformpipeline.run;

import java.util.Objects;
import org.transformpipeline.chem.Scenario;

/**
 * How many generations a run enumerates and how their products are pruned, as {@code
 * --generations}, {@code --scenario}, {@code --exclude-inputs}, {@code --min-score} and {@code
 * --max-products-per-root} set them. Immutable.
 *
 * @param scenario the transforms of each generation (one step of every transform for plain {@code
 *     --generations K})
 * @param excludeInputs whether a product equal to an input molecule counts as a duplicate
 * @param minScore products scoring below it are pruned; 0 prunes nothing
 * @param maxProductsPerRoot at most this many products written per root over every generation; 0
 *     for no cap
 */
public record Generations(
    Scenario scenario, boolean excludeInputs, double minScore, int maxProductsPerRoot) {

  public Generations {
    Objects.requireNonNull(scenario, "scenario");
    if (maxProductsPerRoot < 0) {
      throw new IllegalArgumentException("maxProductsPerRoot < 0: " + maxProductsPerRoot);
    }
  }

  /** The number of generations. */
  public int count() {
    return scenario.generations();
  }
}
