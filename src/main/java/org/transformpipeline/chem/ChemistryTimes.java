package org.transformpipeline.chem;

/**
 * CPU-side time spent in each phase of the chemistry, in nanoseconds.
 *
 * @param parseNanos parsing SMILES
 * @param applyNanos perceiving aromaticity, matching, applying transforms, validating products
 * @param keyNanos making canonical stereo-exact SMILES of the products
 */
public record ChemistryTimes(long parseNanos, long applyNanos, long keyNanos) {

  public static final ChemistryTimes ZERO = new ChemistryTimes(0, 0, 0);

  public ChemistryTimes plus(ChemistryTimes other) {
    return new ChemistryTimes(
        parseNanos + other.parseNanos, applyNanos + other.applyNanos, keyNanos + other.keyNanos);
  }

  public long totalNanos() {
    return parseNanos + applyNanos + keyNanos;
  }
}
