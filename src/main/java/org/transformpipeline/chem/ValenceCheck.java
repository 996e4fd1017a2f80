package org.transformpipeline.chem;

import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IBond;

/**
 * Rejects atoms with more bonds than their element and charge allow: the guard against SMIRKS that
 * add a group without taking a hydrogen away (NOTES.md: the implicit-H pitfall).
 *
 * <p>Only organic-subset elements are checked; others (metals, noble gases) pass. Stateless and
 * thread-safe.
 */
final class ValenceCheck {

  private ValenceCheck() {}

  /**
   * Why the atom is over-valent, or null if it is fine.
   *
   * @param atom an atom with its implicit hydrogen count set
   */
  static String problem(IAtom atom) {
    Integer z = atom.getAtomicNumber();
    if (z == null) {
      return null;
    }
    int charge = atom.getFormalCharge() == null ? 0 : atom.getFormalCharge();
    int max = maxValence(z, charge);
    if (max < 0) {
      return null;
    }
    int valence = atom.getImplicitHydrogenCount() == null ? 0 : atom.getImplicitHydrogenCount();
    int aromatic = 0;
    for (IBond bond : atom.bonds()) {
      if (bond.getOrder() == null || bond.getOrder() == IBond.Order.UNSET) {
        aromatic++;
        valence += 1;
      } else {
        valence += bond.getOrder().numeric();
      }
    }
    // an aromatic atom written without Kekulé orders has one more bond to share
    valence += aromatic > 1 ? 1 : 0;
    if (valence > max) {
      return "over-valent atom: "
          + atom.getSymbol()
          + (charge == 0 ? "" : (charge > 0 ? "+" : "") + charge)
          + " with valence "
          + valence
          + " > "
          + max;
    }
    return null;
  }

  /** Highest usual valence of the element with that charge, or -1 when not checked. */
  private static int maxValence(int z, int charge) {
    return switch (z) {
      case 1 -> charge == 0 ? 1 : -1;
      case 5 -> 3 + charge;
      case 6 -> charge == 0 ? 4 : 3;
      case 7, 15 -> (z == 15 ? 5 : 3) + charge;
      case 8 -> 2 + charge;
      case 16, 34 -> 6 + Math.max(charge, 0);
      case 9 -> 1;
      case 17, 35, 53 -> 7;
      case 14 -> 4;
      default -> -1;
    };
  }
}
