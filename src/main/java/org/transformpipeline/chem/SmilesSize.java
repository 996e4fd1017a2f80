package org.transformpipeline.chem;

/**
 * Counts the heavy atoms a SMILES string writes, without parsing it: the size guard applied before
 * the parser, which recurses over the molecule graph and overflows the stack on chains of some
 * thousands of atoms. Stateless, thread-safe.
 *
 * <p>Counted: each bracket atom whose element is not hydrogen ({@code [nH]}, {@code [13C@@H]},
 * {@code [Na+]}; not {@code [H]} or {@code [2H+]}), each organic-subset atom outside brackets
 * ({@code B C N O P S F Cl Br I}, aromatic {@code b c n o p s}) and {@code *}. For a SMILES the
 * parser accepts this is exactly the parsed heavy-atom count; for a broken one it is a count of
 * what it would write, good enough for a guard (the parser rejects it anyway).
 */
final class SmilesSize {

  private SmilesSize() {}

  /** The number of heavy atoms written in the SMILES. */
  static int heavyAtoms(String smiles) {
    int count = 0;
    int n = smiles.length();
    for (int i = 0; i < n; i++) {
      char c = smiles.charAt(i);
      if (c == '[') {
        int close = smiles.indexOf(']', i + 1);
        int end = close < 0 ? n : close;
        if (!isHydrogen(smiles, i + 1, end)) {
          count++;
        }
        i = end;
      } else if (c == 'C' || c == 'B') {
        count++;
        if (i + 1 < n && (c == 'C' ? smiles.charAt(i + 1) == 'l' : smiles.charAt(i + 1) == 'r')) {
          i++; // Cl, Br
        }
      } else if ("NOPSFIbcnops*".indexOf(c) >= 0) {
        count++;
      }
    }
    return count;
  }

  /** Whether the bracket atom between {@code from} and {@code to} is a hydrogen ({@code [2H+]}). */
  private static boolean isHydrogen(String smiles, int from, int to) {
    int i = from;
    while (i < to && Character.isDigit(smiles.charAt(i))) {
      i++; // isotope
    }
    return i < to
        && smiles.charAt(i) == 'H'
        && (i + 1 >= to || !Character.isLowerCase(smiles.charAt(i + 1))); // not Hg, Hf, Ho, He
  }
}
