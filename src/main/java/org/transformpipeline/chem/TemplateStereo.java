package org.transformpipeline.chem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IStereoElement;
import org.openscience.cdk.interfaces.ITetrahedralChirality;
import org.openscience.cdk.stereo.TetrahedralChirality;

/**
 * Completes the tetrahedral centres a product template creates, so that {@code [C@@H]} written in
 * the product is made as written, as RDKit does, and drops the marks an edit made meaningless.
 *
 * <p>CDK 2.12 builds a new centre from the first three neighbours of the template atom and puts the
 * centre itself (its implicit hydrogen) fourth. When the template's hydrogen is not the last
 * neighbour, as in {@code [O:2][C@@H](C)N} (neighbours O, H, C, N), the centre then appears twice
 * among its own neighbours and the real fourth neighbour (N) is missing; the SMILES writer drops
 * such a centre. The last slot is the one CDK filled in place of the dropped fourth neighbour, so
 * putting that neighbour back restores the template's configuration exactly. Centres that are
 * well-formed, the parent's among them, are left as they are.
 *
 * <p>Stateless and thread-safe.
 */
final class TemplateStereo {

  private TemplateStereo() {}

  /** Repairs the product's new tetrahedral centres in place. */
  static void repair(IAtomContainer product) {
    List<IStereoElement<?, ?>> elements = null;
    int index = 0;
    for (IStereoElement<?, ?> element : product.stereoElements()) {
      if (element instanceof ITetrahedralChirality centre) {
        ITetrahedralChirality repaired = repaired(centre);
        if (repaired != centre) {
          if (elements == null) {
            elements = new ArrayList<>();
            for (IStereoElement<?, ?> e : product.stereoElements()) {
              elements.add(e);
            }
          }
          elements.set(index, repaired);
        }
      }
      index++;
    }
    if (elements != null) {
      product.setStereoElements(new ArrayList<>());
      for (IStereoElement<?, ?> element : elements) {
        product.addStereoElement(element);
      }
    }
  }

  /**
   * Gives back the parent's tetrahedral centres CDK dropped although the centre keeps exactly its
   * neighbours: a SMIRKS that rewrites a bond it does not change (a ring bond written again on the
   * product side, {@code OVERWRITE_BOND}) marks the atom changed, and CDK keeps a changed centre
   * only when one neighbour was swapped for one. Atoms are matched by the parent index each product
   * atom carries as its id ({@link SiteEdit#label}).
   */
  static void restoreParent(IAtomContainer parent, IAtomContainer product) {
    int parentCentres = 0;
    for (IStereoElement<?, ?> element : parent.stereoElements()) {
      parentCentres += element instanceof ITetrahedralChirality ? 1 : 0;
    }
    if (parentCentres == 0) {
      return;
    }
    Set<String> present = new HashSet<>();
    for (IStereoElement<?, ?> element : product.stereoElements()) {
      if (element instanceof ITetrahedralChirality centre
          && centre.getChiralAtom().getID() != null) {
        present.add(centre.getChiralAtom().getID());
      }
    }
    if (present.size() >= parentCentres) {
      return;
    }
    IAtom[] byParentIndex = new IAtom[parent.getAtomCount()];
    for (IAtom atom : product.atoms()) {
      if (atom.getID() != null) {
        byParentIndex[Integer.parseInt(atom.getID())] = atom;
      }
    }
    for (IStereoElement<?, ?> element : parent.stereoElements()) {
      if (element instanceof ITetrahedralChirality centre
          && !present.contains(centre.getChiralAtom().getID())) {
        ITetrahedralChirality copy = copied(centre, byParentIndex);
        if (copy != null) {
          product.addStereoElement(copy);
        }
      }
    }
  }

  /** The centre on the product's atoms, if its focus kept exactly the same neighbours. */
  private static ITetrahedralChirality copied(ITetrahedralChirality centre, IAtom[] byParentIndex) {
    IAtom focus = byParentIndex[centre.getChiralAtom().getIndex()];
    if (focus == null) {
      return null;
    }
    IAtom[] ligands = new IAtom[4];
    int bonded = 0;
    for (int i = 0; i < 4; i++) {
      IAtom was = centre.getLigands()[i];
      ligands[i] = was.equals(centre.getChiralAtom()) ? focus : byParentIndex[was.getIndex()];
      if (ligands[i] == null) {
        return null;
      }
      if (!ligands[i].equals(focus)) {
        if (focus.getBond(ligands[i]) == null) {
          return null;
        }
        bonded++;
      }
    }
    return bonded == focus.getBondCount()
        ? new TetrahedralChirality(focus, ligands, centre.getStereo())
        : null;
  }

  /**
   * Drops the stereo marks the edit made meaningless: a carbon centre that is no longer four single
   * bonds (counting one implicit hydrogen), such as the alpha carbon of an amino acid made a ketone
   * ({@code [C@@H](N)C(=O)O} to {@code C(=O)C(=O)O}), where CDK keeps the old mark because one
   * neighbour (N) was replaced by one (O); a double-bond mark on a bond that is no longer double.
   * Run after the hydrogens are final.
   */
  static void dropMeaningless(IAtomContainer product) {
    List<IStereoElement<?, ?>> kept = new ArrayList<>();
    boolean dropped = false;
    for (IStereoElement<?, ?> element : product.stereoElements()) {
      boolean meaningful = true;
      if (element instanceof ITetrahedralChirality centre) {
        meaningful = tetrahedral(centre.getChiralAtom());
      } else if (element.getFocus() instanceof IBond bond) {
        meaningful = bond.getOrder() == IBond.Order.DOUBLE;
      }
      if (meaningful) {
        kept.add(element);
      } else {
        dropped = true;
      }
    }
    if (dropped) {
      product.setStereoElements(new ArrayList<>());
      for (IStereoElement<?, ?> element : kept) {
        product.addStereoElement(element);
      }
    }
  }

  /** A carbon with four single bonds (one may be an implicit H); other elements are left alone. */
  private static boolean tetrahedral(IAtom focus) {
    if (focus.getAtomicNumber() == null || focus.getAtomicNumber() != 6) {
      return true;
    }
    int hydrogens = focus.getImplicitHydrogenCount() == null ? 0 : focus.getImplicitHydrogenCount();
    if (hydrogens > 1 || focus.getBondCount() + hydrogens != 4 || focus.isAromatic()) {
      return false;
    }
    for (IBond bond : focus.bonds()) {
      if (bond.getOrder() != IBond.Order.SINGLE || bond.isAromatic()) {
        return false;
      }
    }
    return true;
  }

  private static ITetrahedralChirality repaired(ITetrahedralChirality centre) {
    IAtom focus = centre.getChiralAtom();
    IAtom[] carriers = centre.getLigands();
    int self = 0;
    for (IAtom carrier : carriers) {
      if (carrier.equals(focus)) {
        self++;
      }
    }
    if (self < 2 || !carriers[3].equals(focus)) {
      return centre;
    }
    IAtom missing = null;
    for (IBond bond : focus.bonds()) {
      IAtom neighbour = bond.getOther(focus);
      if (!contains(carriers, neighbour)) {
        if (missing != null) {
          return centre;
        }
        missing = neighbour;
      }
    }
    if (missing == null) {
      return centre;
    }
    IAtom[] ligands = carriers.clone();
    ligands[3] = missing;
    return new TetrahedralChirality(focus, ligands, centre.getStereo());
  }

  private static boolean contains(IAtom[] atoms, IAtom atom) {
    for (IAtom a : atoms) {
      if (a.equals(atom)) {
        return true;
      }
    }
    return false;
  }
}
