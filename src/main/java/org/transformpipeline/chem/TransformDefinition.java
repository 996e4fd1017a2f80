package org.transformpipeline.chem;

import java.util.Objects;

/**
 * One transform of the library: a named SMIRKS applied once per matching site.
 *
 * @param name unique snake_case name; names the transform in the output
 * @param smirks the CDK SMIRKS (validated when the library is loaded)
 * @param description one short line for people
 * @param category a group name such as {@code phase2-conjugation}, {@code amine}, {@code peptide}
 * @param maxSites at most this many sites (products) per parent, or {@code null} for no limit
 */
public record TransformDefinition(
    String name, String smirks, String description, String category, Integer maxSites) {

  public TransformDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(smirks, "smirks");
    description = description == null ? "" : description;
    category = category == null ? "" : category;
    if (maxSites != null && maxSites < 1) {
      throw new IllegalArgumentException("maxSites must be at least 1: " + maxSites);
    }
  }
}
