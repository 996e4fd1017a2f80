package org.transformpipeline.chem;

import java.util.ArrayList;
import java.util.List;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IStereoElement;
import org.openscience.cdk.interfaces.ITetrahedralChirality;
import org.openscience.cdk.stereo.TetrahedralChirality;

/**
 * Completes the tetrahedral centres a product template creates, so that {@code [C@@H]} written in
 * the product is made as written, as RDKit does.
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
