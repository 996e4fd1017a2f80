package org.transformpipeline.chem;

import java.util.Arrays;
import java.util.Set;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IBond;

/**
 * Checks an atom's valence (bond orders plus hydrogens) against the valences its element allows
 * with its charge: more is an over-valent atom (a SMIRKS that adds a group without taking a
 * hydrogen away), less than a neutral-shell valence is a radical (a hydrogen count not recomputed).
 * Charged atoms take the valences of the element with the same number of valence electrons ({@code
 * [N+]} as C, {@code [O-]} as F).
 *
 * <p>Only main-group elements of organic chemistry are checked; others (metals, noble gases) pass.
 * Aromatic atoms are checked for over-valence only: whether their ring can be written with single
 * and double bonds is the job of the key's re-parse. Stateless and thread-safe.
 */
final class ValenceCheck {

  private static final int[] NONE = {};

  /** The elements checked: main-group elements of organic chemistry and their usual partners. */
  private static final Set<Integer> CHECKED =
      Set.of(4, 5, 6, 7, 8, 9, 13, 14, 15, 16, 17, 33, 34, 35, 51, 52, 53);

  /**
   * RDKit's allowed valences by atomic number (its periodic table), up to iodine and xenon; but Cl,
   * Br and I also 3, 5 and 7, as RDKit reads them after its sanitizer's clean-up (perchlorate
   * {@code OCl(=O)(=O)=O} becomes {@code O[Cl+3]([O-])([O-])[O-]}). Mg is not checked: RDKit allows
   * it any valence.
   */
  private static final int[][] VALENCES = new int[55][];

  static {
    int[][] table = {
      {1, 1},
      {2, 0},
      {3, 1},
      {4, 2},
      {5, 3},
      {6, 4},
      {7, 3},
      {8, 2},
      {9, 1},
      {10, 0},
      {11, 1},
      {12, 2},
      {13, 3, 6},
      {14, 4, 6},
      {15, 3, 5, 7},
      {16, 2, 4, 6},
      {17, 1, 3, 5, 7},
      {18, 0},
      {31, 3},
      {32, 4},
      {33, 3, 5, 7},
      {34, 2, 4, 6},
      {35, 1, 3, 5, 7},
      {36, 0},
      {49, 3},
      {50, 2, 4},
      {51, 3, 5, 7},
      {52, 2, 4, 6},
      {53, 1, 3, 5, 7},
      {54, 0}
    };
    for (int[] row : table) {
      VALENCES[row[0]] = Arrays.copyOfRange(row, 1, row.length);
    }
  }

  private ValenceCheck() {}

  /**
   * Why the atom's valence is not allowed, or null if it is fine.
   *
   * @param atom an atom with its implicit hydrogen count set
   */
  static String problem(IAtom atom) {
    Integer z = atom.getAtomicNumber();
    if (z == null) {
      return null;
    }
    int charge = atom.getFormalCharge() == null ? 0 : atom.getFormalCharge();
    int[] allowed = allowed(z, charge);
    if (allowed.length == 0) {
      return null;
    }
    int valence = valence(atom);
    int max = allowed[allowed.length - 1];
    if (valence > max) {
      return "over-valent atom: " + label(atom, charge) + " with valence " + valence + " > " + max;
    }
    if (!atom.isAromatic() && !contains(allowed, valence)) {
      return "radical: " + label(atom, charge) + " with valence " + valence;
    }
    return null;
  }

  /**
   * The implicit hydrogens that bring a non-aromatic atom's bond valence up to the lowest valence
   * its element and charge allow (RDKit's default valence model); 0 for an aromatic atom, an
   * element not checked, or a valence beyond every allowed one. For atoms CDK's atom typer could
   * not type when recomputing hydrogens, such as {@code S} with valence 5 in {@code cS(=O)=O}.
   */
  static int defaultHydrogens(IAtom atom) {
    Integer z = atom.getAtomicNumber();
    if (z == null || atom.isAromatic()) {
      return 0;
    }
    int charge = atom.getFormalCharge() == null ? 0 : atom.getFormalCharge();
    int bonds = 0;
    for (IBond bond : atom.bonds()) {
      bonds +=
          bond.getOrder() == null || bond.getOrder() == IBond.Order.UNSET
              ? 1
              : bond.getOrder().numeric();
    }
    for (int valence : allowed(z, charge)) {
      if (valence >= bonds) {
        return valence - bonds;
      }
    }
    return 0;
  }

  /** Whether the atom has fewer bonds and hydrogens than a closed shell: for a parent's count. */
  static boolean isRadical(IAtom atom) {
    String problem = problem(atom);
    return problem != null && problem.startsWith("radical");
  }

  private static int valence(IAtom atom) {
    int valence = atom.getImplicitHydrogenCount() == null ? 0 : atom.getImplicitHydrogenCount();
    int unset = 0;
    for (IBond bond : atom.bonds()) {
      if (bond.getOrder() == null || bond.getOrder() == IBond.Order.UNSET) {
        unset++;
        valence += 1;
      } else {
        valence += bond.getOrder().numeric();
      }
    }
    // an aromatic atom written without Kekulé orders has one more bond to share
    return valence + (unset > 1 ? 1 : 0);
  }

  /** The valences of the element with that charge, ascending; empty when not checked. */
  private static int[] allowed(int z, int charge) {
    if (!CHECKED.contains(z)) {
      return NONE;
    }
    // a charged atom has the valences of the element with as many electrons (N+ as C, O- as F)
    int like = z - charge;
    return like > 0 && like < VALENCES.length && VALENCES[like] != null ? VALENCES[like] : NONE;
  }

  private static String label(IAtom atom, int charge) {
    return atom.getSymbol() + (charge == 0 ? "" : (charge > 0 ? "+" : "") + charge);
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }
}
