package org.transformpipeline.pipeline;

import java.util.Map;

/**
 * How products are scored and pruned by score: each transform's probability (a transform the map
 * does not name counts 1) and the lowest score a product may have to be written and transformed
 * further. A product's score is its parent's times its transform's probability. Immutable.
 *
 * @param probabilities transform name to probability, between 0 and 1
 * @param minScore products scoring below it are pruned (counted); 0 prunes nothing
 */
public record Scoring(Map<String, Double> probabilities, double minScore) {

  /** Every transform counts 1; nothing is pruned. */
  public static final Scoring NONE = new Scoring(Map.of(), 0);

  public Scoring {
    probabilities = Map.copyOf(probabilities);
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("minScore must be between 0 and 1: " + minScore);
    }
  }

  /** The transform's probability, 1 when it has none. */
  public double probability(String transform) {
    return probabilities.getOrDefault(transform, 1.0);
  }
}
