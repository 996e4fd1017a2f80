package org.transformpipeline.chem;

import java.time.Duration;

/**
 * Guards that keep one pathological molecule from dominating a run. Every parent or product they
 * stop is counted, never silently dropped.
 *
 * @param maxProductsPerParent at most this many products (sites applied, all transforms together)
 *     per parent; the sites not applied are counted as capped
 * @param maxHeavyAtoms parents with more heavy atoms are rejected before matching
 * @param timePerParent a parent still being enumerated after this long is rejected
 */
public record EnumerationLimits(
    int maxProductsPerParent, int maxHeavyAtoms, Duration timePerParent) {

  public EnumerationLimits {
    if (maxProductsPerParent < 1) {
      throw new IllegalArgumentException(
          "maxProductsPerParent must be >= 1: " + maxProductsPerParent);
    }
    if (maxHeavyAtoms < 1) {
      throw new IllegalArgumentException("maxHeavyAtoms must be >= 1: " + maxHeavyAtoms);
    }
    if (timePerParent.isNegative() || timePerParent.isZero()) {
      throw new IllegalArgumentException("timePerParent must be positive: " + timePerParent);
    }
  }

  /** 1,000 products, 500 heavy atoms, 10 seconds per parent. */
  public static EnumerationLimits defaults() {
    return new EnumerationLimits(1000, 500, Duration.ofSeconds(10));
  }

  public EnumerationLimits withMaxProductsPerParent(int max) {
    return new EnumerationLimits(max, maxHeavyAtoms, timePerParent);
  }
}
