package org.transformpipeline.chem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.openscience.cdk.aromaticity.Kekulization;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.ConnectivityChecker;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IAtomContainerSet;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IChemObject;

/**
 * What one application of a transform changed in its parent, read off the product: which atoms are
 * new, matched or changed, the site, and the product's components.
 *
 * <p>Product atoms are told apart from the parent's by the parent index each atom carries as its id
 * ({@link #label}): CDK's transform works on a copy, deletes atoms and appends new ones, so indices
 * alone shift. An atom is changed when its element, charge, hydrogen count or number of bonds
 * differs from its parent atom; CDK flags the atoms it matched or made as {@code MAPPED}.
 *
 * <p>Not thread-safe: one per product, on the thread that made it.
 */
final class SiteEdit {

  private static final String[] IDS = new String[1024];

  static {
    for (int i = 0; i < IDS.length; i++) {
      IDS[i] = Integer.toString(i);
    }
  }

  private final IAtomContainer product;
  private final BitSet changed = new BitSet();
  private final int site;
  private final boolean deleted;
  private boolean rekekulised;

  private SiteEdit(IAtomContainer parent, IAtomContainer product) {
    this.product = product;
    BitSet present = new BitSet(parent.getAtomCount());
    int lowest = Integer.MAX_VALUE;
    for (int i = 0; i < product.getAtomCount(); i++) {
      IAtom atom = product.getAtom(i);
      int from = parentIndex(atom);
      if (from < 0) {
        changed.set(i);
        continue;
      }
      present.set(from);
      if (!sameAtom(parent.getAtom(from), atom)) {
        changed.set(i);
        lowest = Math.min(lowest, from);
      }
    }
    int firstDeleted = present.nextClearBit(0);
    this.deleted = firstDeleted < parent.getAtomCount();
    lowest = deleted ? Math.min(lowest, firstDeleted) : lowest;
    this.site = lowest == Integer.MAX_VALUE ? 0 : lowest;
  }

  /** Marks each parent atom with its index, which the copies made by a transform keep. */
  static void label(IAtomContainer parent) {
    for (int i = 0; i < parent.getAtomCount(); i++) {
      parent.getAtom(i).setID(i < IDS.length ? IDS[i] : Integer.toString(i));
    }
  }

  /**
   * Hydrogens of the parent atoms the transform matched, where the template did not set them, as
   * RDKit gives them. A non-aromatic atom gets the lowest valence its element and charge allow
   * (CDK's own recompute, by atom type, leaves some short, such as S in {@code cS(=O)=O} after a
   * C-S cleavage). An aromatic atom keeps the parent's count less one per bond it gained (CDK's
   * atom typer, reading the parent's Kekulé orders, took the H off a pyrrole-type {@code [nH]}).
   * New atoms keep the template's count.
   */
  static void recomputeHydrogens(IAtomContainer parent, IAtomContainer product) {
    for (IAtom atom : product.atoms()) {
      int from = parentIndex(atom);
      if (from < 0 || !atom.getFlag(IChemObject.MAPPED) || atom.getFlag(IChemObject.PLACED)) {
        continue;
      }
      if (atom.isAromatic()) {
        IAtom before = parent.getAtom(from);
        int gained = atom.getBondCount() - before.getBondCount();
        atom.setImplicitHydrogenCount(Math.max(0, before.getImplicitHydrogenCount() - gained));
      } else {
        atom.setImplicitHydrogenCount(ValenceCheck.defaultHydrogens(atom));
      }
    }
  }

  /** The edit that made {@code product} from a {@link #label labelled} parent. */
  static SiteEdit of(IAtomContainer parent, IAtomContainer product) {
    return new SiteEdit(parent, product);
  }

  /** Whether the transform left the atom as it was in the parent. */
  static boolean sameAtom(IAtom parent, IAtom product) {
    return Objects.equals(parent.getAtomicNumber(), product.getAtomicNumber())
        && Objects.equals(parent.getFormalCharge(), product.getFormalCharge())
        && Objects.equals(parent.getImplicitHydrogenCount(), product.getImplicitHydrogenCount())
        && parent.getBondCount() == product.getBondCount();
  }

  /** The lowest parent atom index the transform changed or deleted. */
  int site() {
    return site;
  }

  /** Whether the product atom at {@code index} is new or differs from its parent atom. */
  boolean changed(int index) {
    return changed.get(index);
  }

  /**
   * Kekulé bond orders again for the aromatic systems when the transform changed an aromatic atom
   * or one of its bonds: CDK keeps the parent's single/double pattern, which may not fit the new
   * ring (a {@code c=O} made on a pyridine ring, a quinone made on a ring fused to a pyridine);
   * RDKit re-kekulises on sanitizing.
   *
   * @return why the aromatic system cannot be written with single and double bonds, or null
   */
  String kekulise(IAtomContainer parent) {
    boolean aromatic = false;
    for (int i = 0; i < product.getAtomCount() && !aromatic; i++) {
      IAtom atom = product.getAtom(i);
      // changed, or a bond of it made, deleted or given another order (CDK flags those)
      if (changed.get(i) || atom.getFlag(IChemObject.REACTIVE_CENTER)) {
        int from = parentIndex(atom);
        aromatic = atom.isAromatic() || from >= 0 && parent.getAtom(from).isAromatic();
      }
    }
    if (!aromatic) {
      return null;
    }
    for (IAtom atom : product.atoms()) {
      if (atom.getImplicitHydrogenCount() == null) {
        atom.setImplicitHydrogenCount(ValenceCheck.defaultHydrogens(atom));
      }
    }
    for (IBond bond : product.bonds()) {
      if (bond.isAromatic()) {
        bond.setOrder(IBond.Order.UNSET);
      }
    }
    try {
      Kekulization.kekulize(product);
      rekekulised = true;
      return null;
    } catch (CDKException e) {
      return "not kekulisable: " + e.getMessage();
    }
  }

  /**
   * Whether {@link #kekulise} gave the product new Kekulé orders: only then may its aromatic rings
   * differ from the parent's, which parsed.
   */
  boolean rekekulised() {
    return rekekulised;
  }

  /**
   * The parts a product becomes. Components that hold neither a matched nor a changed atom are the
   * parent's untouched components (counter-ions): kept whole in {@link FragmentMode#KEEP}, left out
   * in {@link FragmentMode#SPLIT}. With {@code prune}, components cut off by deleting a matched
   * atom, which hold changed atoms but no matched one, are dropped, as RDKit does.
   */
  Parts parts(FragmentMode mode, boolean prune, int parentRadicals) {
    int[] component = new int[product.getAtomCount()];
    // without a deleted atom nothing is cut off: a kept product needs no components
    int count = mode == FragmentMode.KEEP && (!prune || !deleted) ? 1 : components(component);
    if (count == 1) {
      Arrays.fill(component, 1);
    }
    if (count == 1 && mode == FragmentMode.KEEP) {
      String problem = problem(component, new boolean[] {false, true}, parentRadicals);
      return new Parts(problem == null ? List.of(product) : List.of(), problem);
    }
    boolean[] matched = new boolean[count + 1];
    boolean[] edited = new boolean[count + 1];
    for (int i = 0; i < component.length; i++) {
      matched[component[i]] |= product.getAtom(i).getFlag(IChemObject.MAPPED);
      edited[component[i]] |= changed.get(i);
    }
    boolean[] wanted = new boolean[count + 1];
    for (int c = 1; c <= count; c++) {
      boolean cutOff = prune && edited[c] && !matched[c];
      boolean untouched = !edited[c] && !matched[c];
      wanted[c] = !cutOff && (mode == FragmentMode.KEEP || !untouched);
    }
    String problem = problem(component, wanted, parentRadicals);
    if (problem != null) {
      return new Parts(List.of(), problem);
    }
    if (mode == FragmentMode.KEEP) {
      List<IAtom> dropped = new ArrayList<>();
      for (int i = 0; i < component.length; i++) {
        if (!wanted[component[i]]) {
          dropped.add(product.getAtom(i));
        }
      }
      dropped.forEach(product::removeAtom);
      return new Parts(List.of(product), null);
    }
    IAtomContainerSet split = ConnectivityChecker.partitionIntoMolecules(product, component);
    List<IAtomContainer> parts = new ArrayList<>();
    for (int c = 1; c <= count; c++) {
      if (wanted[c]) {
        parts.add(split.getAtomContainer(c - 1));
      }
    }
    return new Parts(parts, null);
  }

  /**
   * The molecules a product becomes, or why it is broken.
   *
   * @param molecules one (the whole product) or, split, one per touched component; empty when
   *     broken
   * @param problem the first valence problem among the changed atoms of the kept components, or
   *     null
   */
  record Parts(List<IAtomContainer> molecules, String problem) {}

  /**
   * The first problem among the changed atoms of the wanted components: a negative hydrogen count,
   * a valence the element does not allow, or a radical the parent did not have.
   */
  private String problem(int[] component, boolean[] wanted, int parentRadicals) {
    int radicals = 0;
    String radical = null;
    for (int i = 0; i < component.length; i++) {
      IAtom atom = product.getAtom(i);
      if (!wanted[component[i]] || !changed.get(i) && !atom.getFlag(IChemObject.MAPPED)) {
        continue;
      }
      if (atom.getImplicitHydrogenCount() == null) {
        // CDK could not type the atom to recompute its hydrogens: RDKit's valence model
        atom.setImplicitHydrogenCount(ValenceCheck.defaultHydrogens(atom));
      }
      if (atom.getImplicitHydrogenCount() < 0) {
        return "negative hydrogen count: " + atom.getSymbol() + " at " + i;
      }
      String problem = ValenceCheck.problem(atom);
      if (problem != null && problem.startsWith("radical")) {
        radicals++;
        radical = radical == null ? problem + " at " + i : radical;
      } else if (problem != null) {
        return problem + " at " + i;
      }
    }
    return radicals > parentRadicals ? radical : null;
  }

  /** Labels atoms 1..n by connected component (in order of their lowest atom); returns n. */
  private int components(int[] component) {
    int count = 0;
    int[] stack = new int[component.length];
    for (int start = 0; start < component.length; start++) {
      if (component[start] != 0) {
        continue;
      }
      count++;
      int top = 0;
      stack[top++] = start;
      component[start] = count;
      while (top > 0) {
        IAtom atom = product.getAtom(stack[--top]);
        for (IBond bond : atom.bonds()) {
          int other = bond.getOther(atom).getIndex();
          if (component[other] == 0) {
            component[other] = count;
            stack[top++] = other;
          }
        }
      }
    }
    return count;
  }

  private static int parentIndex(IAtom atom) {
    String id = atom.getID();
    return id == null ? -1 : Integer.parseInt(id);
  }
}
