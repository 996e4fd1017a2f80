package org.transformpipeline.spark;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.transformpipeline.chem.Dialect;
import org.transformpipeline.chem.EnumerationLimits;
import org.transformpipeline.chem.FragmentMode;
import org.transformpipeline.chem.ProductEnumerator;
import org.transformpipeline.chem.TransformDefinition;
import org.transformpipeline.pipeline.ParentEnumerator;
import org.transformpipeline.pipeline.Scoring;

/**
 * Everything an executor needs to build the same enumerator as {@code apply}, in a form Spark can
 * ship: the chemistry's own records are not {@link Serializable} (and need not be for the plain
 * tool), so the transforms travel as their fields and are rebuilt into {@link TransformDefinition}s
 * on the executor, where {@link #enumerator()} makes a {@link ProductEnumerator} exactly as {@code
 * ApplyRun} does. Immutable; equal recipes make equal enumerators (the cache key of {@link
 * ParentPartition}).
 *
 * @param transforms the transforms, in library order
 * @param maxProductsPerParent the per-parent product cap
 * @param maxHeavyAtoms the parent size guard
 * @param timePerParentMillis the per-parent time guard
 * @param fragments what a cleavage product becomes
 * @param probabilities the transforms' probabilities (for {@code --min-score})
 * @param minScore products scoring below it are pruned
 */
record EnumeratorRecipe(
    List<Transform> transforms,
    int maxProductsPerParent,
    int maxHeavyAtoms,
    long timePerParentMillis,
    FragmentMode fragments,
    Map<String, Double> probabilities,
    double minScore)
    implements Serializable {

  EnumeratorRecipe {
    transforms = List.copyOf(transforms);
    probabilities = Map.copyOf(probabilities);
  }

  /** One transform's fields, as {@link TransformDefinition} has them. */
  record Transform(
      String name,
      String smirks,
      String description,
      String category,
      Integer maxSites,
      Dialect dialect,
      Double probability)
      implements Serializable {

    static Transform of(TransformDefinition t) {
      return new Transform(
          t.name(),
          t.smirks(),
          t.description(),
          t.category(),
          t.maxSites(),
          t.dialect(),
          t.probability());
    }

    TransformDefinition definition() {
      return new TransformDefinition(
          name, smirks, description, category, maxSites, dialect, probability);
    }
  }

  /** The recipe of a run over these transforms with these guards. */
  static EnumeratorRecipe of(
      List<TransformDefinition> transforms,
      EnumerationLimits limits,
      FragmentMode fragments,
      double minScore) {
    Map<String, Double> probabilities = new java.util.HashMap<>();
    for (TransformDefinition t : transforms) {
      if (t.probability() != null) {
        probabilities.put(t.name(), t.probability());
      }
    }
    return new EnumeratorRecipe(
        transforms.stream().map(Transform::of).toList(),
        limits.maxProductsPerParent(),
        limits.maxHeavyAtoms(),
        limits.timePerParent().toMillis(),
        fragments,
        probabilities,
        minScore);
  }

  /** A new enumerator, as {@code apply}'s workers make theirs. */
  ParentEnumerator enumerator() {
    ProductEnumerator enumerator =
        new ProductEnumerator(
            transforms.stream().map(Transform::definition).toList(),
            new EnumerationLimits(
                maxProductsPerParent, maxHeavyAtoms, Duration.ofMillis(timePerParentMillis)),
            fragments);
    return enumerator::enumerate;
  }

  /** The pruning of {@code --min-score}, as {@code apply} scores. */
  Scoring scoring() {
    return new Scoring(probabilities, minScore);
  }
}
