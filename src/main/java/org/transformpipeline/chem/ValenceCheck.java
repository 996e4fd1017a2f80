package org.transformpipeline.chem;

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
    int shell =
        switch (z) {
          case 5 -> 3;
          case 6, 14 -> 4;
          case 7, 15 -> 5;
          case 8, 16, 34 -> 6;
          case 9, 17, 35, 53 -> 7;
          default -> 0;
        };
    if (shell == 0 || (z == 1 && charge != 0)) {
      return NONE;
    }
    // the same valence electrons as the element 'charge' places to the left
    int electrons = shell - charge;
    boolean heavy = z > 10;
    return switch (electrons) {
      case 3 -> new int[] {3};
      case 4 -> new int[] {4};
      case 5 -> heavy ? new int[] {3, 5} : new int[] {3};
      case 6 -> heavy ? new int[] {2, 4, 6} : new int[] {2};
      case 7 -> z == 9 || charge != 0 ? new int[] {1} : new int[] {1, 3, 5, 7};
      case 2 -> new int[] {2};
      default -> NONE;
    };
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
