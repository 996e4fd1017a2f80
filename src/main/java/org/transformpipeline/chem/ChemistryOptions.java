package org.transformpipeline.chem;

import java.util.Objects;
import java.util.Optional;

/**
 * The run-wide chemistry choices given on the command line: a dialect that overrides the one of the
 * transform library (and of each transform), and what cleavage products become.
 *
 * @param dialect the dialect every transform is read in, or empty to use the library's
 * @param fragments keep a multi-component product whole or split it
 * @param filter what a product must be to be kept (options over the library's block)
 */
public record ChemistryOptions(
    Optional<Dialect> dialect, FragmentMode fragments, ProductFilter filter) {

  public ChemistryOptions {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(fragments, "fragments");
    Objects.requireNonNull(filter, "filter");
  }

  /** No product filter. */
  public ChemistryOptions(Optional<Dialect> dialect, FragmentMode fragments) {
    this(dialect, fragments, ProductFilter.NONE);
  }

  /** These choices with products filtered by {@code filter}. */
  public ChemistryOptions filtered(ProductFilter filter) {
    return new ChemistryOptions(dialect, fragments, filter);
  }

  /** The library's own dialects, products kept whole. */
  public static ChemistryOptions defaults() {
    return new ChemistryOptions(Optional.empty(), FragmentMode.KEEP);
  }
}
