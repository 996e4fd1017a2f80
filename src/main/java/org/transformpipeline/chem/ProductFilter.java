package org.transformpipeline.chem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.openscience.cdk.config.Elements;
import org.openscience.cdk.smarts.SmartsPattern;

/**
 * What a product must be to be kept: a molecular weight range, a heavy-atom range, the elements it
 * may contain, SMARTS it must match and SMARTS it must not match. A product failing one is
 * <i>filtered</i>: counted under the first criterion it fails (the cheap ones are tried first),
 * never written. Given in a library's {@code filters:} block or by {@code --filter-*} options; an
 * option replaces the library's value of the same criterion ({@link #orElse}).
 *
 * <p>Ranges are inclusive; a null bound or an empty set/list is no constraint. Hydrogen is always
 * allowed: {@code elements} lists the heavy elements.
 *
 * @param minWeight lowest molecular weight (g/mol, implicit hydrogens included)
 * @param maxWeight highest molecular weight
 * @param minHeavyAtoms fewest heavy atoms
 * @param maxHeavyAtoms most heavy atoms
 * @param elements element symbols allowed (heavy atoms), empty for any
 * @param mustMatch SMARTS each product must match (all of them)
 * @param mustNotMatch SMARTS no product may match (any of them)
 */
public record ProductFilter(
    Double minWeight,
    Double maxWeight,
    Integer minHeavyAtoms,
    Integer maxHeavyAtoms,
    Set<String> elements,
    List<String> mustMatch,
    List<String> mustNotMatch) {

  /** Keeps every product. */
  public static final ProductFilter NONE =
      new ProductFilter(null, null, null, null, Set.of(), List.of(), List.of());

  /** Reason names, as counted in the summary (with the SMARTS after the two SMARTS reasons). */
  public static final List<String> REASONS =
      List.of(
          "min_weight",
          "max_weight",
          "min_heavy_atoms",
          "max_heavy_atoms",
          "elements",
          "must_match",
          "must_not_match");

  /**
   * @throws IllegalArgumentException naming the criterion when a bound is negative, a range is
   *     empty, an element is unknown or a SMARTS does not parse
   */
  public ProductFilter {
    elements = Set.copyOf(new TreeSet<>(elements == null ? Set.of() : elements));
    mustMatch = List.copyOf(mustMatch == null ? List.of() : mustMatch);
    mustNotMatch = List.copyOf(mustNotMatch == null ? List.of() : mustNotMatch);
    range("weight", minWeight, maxWeight);
    range("heavy_atoms", minHeavyAtoms, maxHeavyAtoms);
    for (String symbol : elements) {
      if (Elements.ofString(symbol) == Elements.Unknown || symbol.equals("H")) {
        throw new IllegalArgumentException(
            "elements: '"
                + symbol
                + "' is not a heavy element symbol (write them as in a formula: C, N, Cl)");
      }
    }
    for (String smarts : mustMatch) {
      compile("must_match", smarts);
    }
    for (String smarts : mustNotMatch) {
      compile("must_not_match", smarts);
    }
  }

  /**
   * Element symbols from a comma-separated list ({@code C,H,N,O}); H is dropped (always allowed).
   */
  public static Set<String> elementList(String text) {
    Set<String> symbols = new LinkedHashSet<>();
    for (String s : text.split(",")) {
      String symbol = s.strip();
      if (symbol.isEmpty() || symbol.equals("H")) {
        continue;
      }
      // c, cl: the formula spelling is C, Cl
      symbols.add(symbol.substring(0, 1).toUpperCase(Locale.ROOT) + symbol.substring(1));
    }
    return symbols;
  }

  /** True when no criterion is set. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** This filter's criteria, each unset one taken from {@code fallback}. */
  public ProductFilter orElse(ProductFilter fallback) {
    return new ProductFilter(
        minWeight != null ? minWeight : fallback.minWeight,
        maxWeight != null ? maxWeight : fallback.maxWeight,
        minHeavyAtoms != null ? minHeavyAtoms : fallback.minHeavyAtoms,
        maxHeavyAtoms != null ? maxHeavyAtoms : fallback.maxHeavyAtoms,
        elements.isEmpty() ? fallback.elements : elements,
        mustMatch.isEmpty() ? fallback.mustMatch : mustMatch,
        mustNotMatch.isEmpty() ? fallback.mustNotMatch : mustNotMatch);
  }

  /** The criteria set, one line each, for logs and the run identity. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    if (minWeight != null) {
      lines.add("min_weight " + minWeight);
    }
    if (maxWeight != null) {
      lines.add("max_weight " + maxWeight);
    }
    if (minHeavyAtoms != null) {
      lines.add("min_heavy_atoms " + minHeavyAtoms);
    }
    if (maxHeavyAtoms != null) {
      lines.add("max_heavy_atoms " + maxHeavyAtoms);
    }
    if (!elements.isEmpty()) {
      lines.add("elements " + String.join(",", new TreeSet<>(elements)));
    }
    mustMatch.forEach(s -> lines.add("must_match " + s));
    mustNotMatch.forEach(s -> lines.add("must_not_match " + s));
    return lines;
  }

  private static <T extends Number & Comparable<T>> void range(String name, T min, T max) {
    if (min != null && min.doubleValue() < 0) {
      throw new IllegalArgumentException("min_" + name + " must be at least 0, got " + min);
    }
    if (max != null && max.doubleValue() < 0) {
      throw new IllegalArgumentException("max_" + name + " must be at least 0, got " + max);
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "min_" + name + " " + min + " is above max_" + name + " " + max + ": nothing would pass");
    }
  }

  static SmartsPattern compile(String criterion, String smarts) {
    try {
      return SmartsPattern.create(smarts);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          criterion
              + ": SMARTS '"
              + smarts
              + "' does not parse: "
              + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
          e);
    }
  }
}
