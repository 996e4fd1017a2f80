package org.transformpipeline.pipeline;

import java.util.Objects;

/**
 * Where a molecule stands in a metabolite tree: how many transforms away from its root it is, which
 * input row the tree grew from, the transforms on the way and the product of their probabilities.
 * An input row is its own root, at generation 0 with an empty pathway and score 1. Immutable.
 *
 * @param generation 0 for an input row, g for a product of g transforms
 * @param rootId the id of the input row the tree grew from
 * @param pathway the transform names from the root, joined by {@code >}; empty for a root
 * @param score the product of the transforms' probabilities along the pathway (a transform with
 *     none counts 1); 1 for a root
 */
public record Lineage(int generation, String rootId, String pathway, double score) {

  /** What joins the transform names of a pathway. */
  public static final String STEP = ">";

  public Lineage {
    Objects.requireNonNull(rootId, "rootId");
    Objects.requireNonNull(pathway, "pathway");
    if (generation < 0) {
      throw new IllegalArgumentException("generation < 0: " + generation);
    }
  }

  /** An input row: its own root. */
  public static Lineage root(String id) {
    return new Lineage(0, id, "", 1.0);
  }

  /** The lineage of a product this molecule's transform made. */
  public Lineage next(String transform, double probability) {
    return new Lineage(
        generation + 1,
        rootId,
        pathway.isEmpty() ? transform : pathway + STEP + transform,
        score * probability);
  }
}
