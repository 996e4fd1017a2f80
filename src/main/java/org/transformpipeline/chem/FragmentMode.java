package org.transformpipeline.chem;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a product with several components (a cleavage: ester or amide hydrolysis, dealkylation)
 * becomes.
 *
 * <ul>
 *   <li>{@link #KEEP} (the default): one product holding every component, as RDKit's RunReactants
 *       makes it, with the parent's other components (counter-ions) too; its {@code fragment} is 0.
 *   <li>{@link #SPLIT}: each component holding an atom the transform matched or made is its own
 *       product, {@code fragment} 1, 2, ... in the order of their lowest atom; components the
 *       transform did not touch, such as a salt's counter-ion, are left out.
 * </ul>
 */
public enum FragmentMode {
  KEEP,
  SPLIT;

  /** The name as written in options: {@code keep}, {@code split}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode named {@code text} (any case), or empty. */
  public static Optional<FragmentMode> named(String text) {
    return Arrays.stream(values())
        .filter(m -> m.label().equalsIgnoreCase(text.strip()))
        .findFirst();
  }
}
