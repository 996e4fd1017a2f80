package org.transformpipeline.chem;

import java.util.Objects;

/**
 * One transform of the library: a named SMIRKS applied once per matching site.
 *
 * @param name unique name; names the transform in the output
 * @param smirks the SMIRKS (validated in its dialect when the library is loaded)
 * @param description one short line for people
 * @param category a group name such as {@code phase2-conjugation}, {@code amine}, {@code peptide}
 * @param maxSites at most this many sites (products) per parent, or {@code null} for no limit
 * @param dialect the reaction-SMARTS semantics the SMIRKS is written in
 * @param probability how likely the transform is, between 0 and 1 (rule sets such as SyGMa's give
 *     one), or {@code null} when not given
 */
public record TransformDefinition(
    String name,
    String smirks,
    String description,
    String category,
    Integer maxSites,
    Dialect dialect,
    Double probability) {

  public TransformDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(smirks, "smirks");
    Objects.requireNonNull(dialect, "dialect");
    description = description == null ? "" : description;
    category = category == null ? "" : category;
    if (maxSites != null && maxSites < 1) {
      throw new IllegalArgumentException("maxSites must be at least 1: " + maxSites);
    }
    if (probability != null && !(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be between 0 and 1: " + probability);
    }
  }

  /** The same transform in a category. */
  public TransformDefinition inCategory(String other) {
    return new TransformDefinition(
        name, smirks, description, other, maxSites, dialect, probability);
  }

  /** The same transform read in another dialect. */
  public TransformDefinition inDialect(Dialect other) {
    return new TransformDefinition(
        name, smirks, description, category, maxSites, other, probability);
  }
}
