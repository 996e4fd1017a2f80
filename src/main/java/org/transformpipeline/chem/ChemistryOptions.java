package org.transformpipeline.chem;

import java.util.Objects;
import java.util.Optional;

/**
 * The run-wide chemistry choices given on the command line: a dialect that overrides the one of the
 * transform library (and of each transform), and what cleavage products become.
 *
 * @param dialect the dialect every transform is read in, or empty to use the library's
 * @param fragments keep a multi-component product whole or split it
 */
public record ChemistryOptions(Optional<Dialect> dialect, FragmentMode fragments) {

  public ChemistryOptions {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(fragments, "fragments");
  }

  /** The library's own dialects, products kept whole. */
  public static ChemistryOptions defaults() {
    return new ChemistryOptions(Optional.empty(), FragmentMode.KEEP);
  }
}
