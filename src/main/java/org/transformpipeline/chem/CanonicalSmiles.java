package org.transformpipeline.chem;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.openscience.cdk.aromaticity.Aromaticity;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.graph.GraphUtil;
import org.openscience.cdk.graph.invariant.Canon;
import org.openscience.cdk.graph.invariant.CanonOpts;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IDoubleBondStereochemistry;
import org.openscience.cdk.interfaces.IStereoElement;
import org.openscience.cdk.interfaces.ITetrahedralChirality;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.stereo.Stereocenters;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;
import uk.ac.ebi.beam.Functions;
import uk.ac.ebi.beam.Graph;

/**
 * Canonical SMILES that keep stereochemistry, without InChI: the dedup key and the {@code
 * product_smiles} column.
 *
 * <p>CDK's own stereo-aware canonical flavour numbers atoms through the InChI native library (~700
 * us a molecule, not documented thread-safe). Here:
 *
 * <ul>
 *   <li>a molecule without stereo elements is written with CDK's fast canonical flavour ({@code
 *       Canon} ranks, ~20 us);
 *   <li>a molecule with stereo elements gets atom classes refined by the local parity of each
 *       stereo element ({@link StereoClasses}); CDK's {@code Canon} then breaks the remaining ties
 *       (which are now true symmetries, so any choice writes the same string), and the molecule is
 *       written in that order through Beam, normalising double-bond labels as CDK's canonical path
 *       does;
 *   <li>stereo marks on atoms that are not stereocentres are removed first ({@link Stereocenters});
 *       para-stereocentres (cis/trans ring substitution), whose parity is only relative, are
 *       resolved by trying each way of breaking the first tie that matters and keeping the smallest
 *       string.
 * </ul>
 *
 * <p>Aromaticity is perceived with the Daylight model, the same as SMARTS matching, so the key does
 * not depend on how the input wrote its rings. Explicit hydrogens are suppressed.
 *
 * <p>Not thread-safe (holds a parser and generators): one instance per worker thread. Keys are
 * byte-identical across threads and instances.
 */
public final class CanonicalSmiles {

  private static final int ORDERED =
      SmiFlavor.Stereo | SmiFlavor.AtomicMass | SmiFlavor.UseAromaticSymbols;

  /** Bound on the number of tie-break leaves tried for para-stereocentres. */
  private static final int MAX_LEAVES = 256;

  /**
   * CDK's conversion of a molecule to a Beam graph, {@code CDKToBeam.toBeamGraph(IAtomContainer,
   * int)}: what {@link SmilesGenerator} does first, but package-private in cdk-smiles, so reached
   * by reflection (the jar runs on the class path, where that is allowed). Calling it directly
   * saves writing the molecule as SMILES and parsing it back: ~20% of a key (JFR, 200k-row run).
   * Null if a CDK version no longer has it; the key then takes the public route, which gives the
   * same string ({@code CanonicalSmilesTest}).
   */
  private static final MethodHandle TO_BEAM = cdkToBeam();

  private final SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
  private final SmilesGenerator ordered = new SmilesGenerator(ORDERED);
  private final boolean direct;

  /** Keys written through CDK's converter when this CDK has it ({@link #TO_BEAM}). */
  public CanonicalSmiles() {
    this(TO_BEAM != null);
  }

  /**
   * @param direct whether the Beam graph is made by CDK's converter, or by writing the molecule in
   *     input order and reading that string back (the route through CDK's public API, two passes
   *     over a string more); both give the same keys ({@code CanonicalSmilesTest})
   */
  CanonicalSmiles(boolean direct) {
    if (direct && TO_BEAM == null) {
      throw new IllegalStateException("this CDK has no CDKToBeam.toBeamGraph(IAtomContainer, int)");
    }
    this.direct = direct;
  }

  /**
   * The canonical SMILES of a SMILES string.
   *
   * @throws IllegalArgumentException if the SMILES cannot be parsed or written
   */
  public String of(String smiles) {
    try {
      return of(parser.parseSmiles(smiles));
    } catch (InvalidSmilesException e) {
      throw new IllegalArgumentException("cannot parse SMILES '" + smiles + "': " + e.getMessage());
    }
  }

  /**
   * The canonical SMILES of a molecule. The molecule may be changed: aromaticity flags are set and
   * stereo marks on atoms that are not stereocentres are removed.
   *
   * @throws IllegalArgumentException if the molecule cannot be written as SMILES
   */
  public String of(IAtomContainer mol) {
    try {
      IAtomContainer m = withoutExplicitHydrogens(mol);
      Aromaticity.apply(Aromaticity.Model.Daylight, m);
      int[][] g = GraphUtil.toAdjList(m);
      if (!m.stereoElements().iterator().hasNext()) {
        return write(m, g, Canon.label(m, g, Canon.basicInvariants(m, g, CanonOpts.AtomicMass)));
      }
      return stereoCanonical(m, g);
    } catch (CDKException | IOException e) {
      throw new IllegalArgumentException("cannot write SMILES: " + e.getMessage(), e);
    }
  }

  private String stereoCanonical(IAtomContainer m, int[][] g) throws CDKException, IOException {
    long[] basic = Canon.basicInvariants(m, g, CanonOpts.AtomicMass);
    StereoClasses stereo = new StereoClasses(m, g);
    stereo.refine(basic, null);
    if (!stereo.undefinedElements().isEmpty() && removeStaleStereo(m, stereo.undefinedElements())) {
      stereo = new StereoClasses(m, g);
      stereo.refine(basic, null);
    }
    if (stereo.undefinedElements().isEmpty()) {
      return write(m, g, stereo.classes());
    }
    // para-stereocentres: the written parity depends on how ties are broken; try each way
    Search search = new Search(m, g, stereo);
    search.run(toLong(stereo.classes()));
    return search.best;
  }

  /** Writes the molecule in the order given by {@code Canon} seeded with the stereo classes. */
  private String write(IAtomContainer m, int[][] g, int[] classes)
      throws CDKException, IOException {
    return write(m, g, Canon.label(m, g, toLong(classes)));
  }

  /**
   * Writes the molecule with atom {@code i} at position {@code labels[i] - 1}, as CDK's canonical
   * path does: permute, then normalise the Kekulé assignment of conjugated rings and the
   * double-bond direction labels, so that the string depends only on the labelling.
   */
  private String write(IAtomContainer m, int[][] g, long[] labels)
      throws CDKException, IOException {
    int n = labels.length;
    int[] permutation = new int[n];
    Graph beam;
    if (direct) {
      beam = toBeam(m);
      for (int i = 0; i < n; i++) {
        permutation[i] = (int) labels[i] - 1;
      }
    } else {
      int[] order = new int[n];
      beam = Graph.fromSmiles(ordered.create(m, order));
      for (int i = 0; i < n; i++) {
        permutation[order[i]] = (int) labels[i] - 1;
      }
    }
    beam = beam.permute(permutation).resonate();
    if (hasDoubleBondStereo(m)) {
      beam.sort(new Graph.VisitHighOrderFirst());
      beam = Functions.normaliseDirectionalLabels(beam);
      beam.sort(new Graph.VisitHighOrderFirst()).sort(new Graph.VisitHydrogenFirst());
    }
    return beam.toSmiles();
  }

  /**
   * Removes undefined elements that {@link Stereocenters} says are not stereocentres.
   *
   * @return whether anything was removed
   */
  private static boolean removeStaleStereo(IAtomContainer m, List<IStereoElement<?, ?>> undefined) {
    Stereocenters centres = Stereocenters.of(m);
    List<IStereoElement<?, ?>> stale = new ArrayList<>();
    for (IStereoElement<?, ?> se : undefined) {
      if (se instanceof ITetrahedralChirality tc) {
        if (!centres.isStereocenter(m.indexOf(tc.getChiralAtom()))) {
          stale.add(se);
        }
      } else if (se instanceof IDoubleBondStereochemistry db) {
        IBond b = db.getStereoBond();
        if (!centres.isStereocenter(m.indexOf(b.getBegin()))
            || !centres.isStereocenter(m.indexOf(b.getEnd()))) {
          stale.add(se);
        }
      }
    }
    if (stale.isEmpty()) {
      return false;
    }
    @SuppressWarnings("rawtypes") // IAtomContainer.setStereoElements takes the raw type
    List<IStereoElement> keep = new ArrayList<>();
    for (IStereoElement<?, ?> se : m.stereoElements()) {
      if (!stale.contains(se)) {
        keep.add(se);
      }
    }
    m.setStereoElements(keep);
    return true;
  }

  private static boolean hasDoubleBondStereo(IAtomContainer m) {
    for (IStereoElement<?, ?> se : m.stereoElements()) {
      if (se.getConfigClass() == IStereoElement.CT) {
        return true;
      }
    }
    return false;
  }

  private static IAtomContainer withoutExplicitHydrogens(IAtomContainer mol) {
    for (IAtom atom : mol.atoms()) {
      if (atom.getAtomicNumber() != null && atom.getAtomicNumber() == 1) {
        return AtomContainerManipulator.suppressHydrogens(mol);
      }
    }
    return mol;
  }

  private static MethodHandle cdkToBeam() {
    try {
      Method method =
          Class.forName("org.openscience.cdk.smiles.CDKToBeam")
              .getDeclaredMethod("toBeamGraph", IAtomContainer.class, int.class);
      method.setAccessible(true);
      return MethodHandles.lookup().unreflect(method);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Graph toBeam(IAtomContainer m) throws CDKException {
    try {
      return (Graph) TO_BEAM.invokeExact(m, ORDERED);
    } catch (CDKException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("CDKToBeam.toBeamGraph failed", e);
    }
  }

  private static long[] toLong(int[] xs) {
    long[] out = new long[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = xs[i];
    }
    return out;
  }

  /**
   * Depth-first search over the ways of breaking the ties that leave a stereo element undefined;
   * keeps the smallest string. Every branch is a valid labelling of the same molecule, so the
   * minimum is canonical.
   */
  private final class Search {
    private final IAtomContainer m;
    private final int[][] g;
    private final StereoClasses stereo;
    private String best;
    private int leaves;

    Search(IAtomContainer m, int[][] g, StereoClasses stereo) {
      this.m = m;
      this.g = g;
      this.stereo = stereo;
    }

    void run(long[] seed) throws CDKException, IOException {
      int[] classes = stereo.refine(seed, null).clone();
      List<IStereoElement<?, ?>> undefined = new ArrayList<>(stereo.undefinedElements());
      if (undefined.isEmpty() || leaves >= MAX_LEAVES) {
        leaves++;
        String smiles = write(m, g, classes);
        if (best == null || smiles.compareTo(best) < 0) {
          best = smiles;
        }
        return;
      }
      int cell = tiedCell(classes, undefined);
      if (cell < 0) {
        // an element type not ranked here (allene, atropisomer...): no tie left to break
        leaves++;
        String smiles = write(m, g, classes);
        if (best == null || smiles.compareTo(best) < 0) {
          best = smiles;
        }
        return;
      }
      for (int atom = 0; atom < classes.length; atom++) {
        if (classes[atom] != cell) {
          continue;
        }
        long[] next = new long[classes.length];
        for (int i = 0; i < classes.length; i++) {
          // the chosen atom sorts first within its cell; all other classes keep their order
          next[i] = 2L * classes[i] + (classes[i] == cell && i != atom ? 1 : 0);
        }
        run(next);
      }
    }

    /** The lowest class shared by two atoms around an undefined element, or -1. */
    private int tiedCell(int[] classes, List<IStereoElement<?, ?>> undefined) {
      int lowest = Integer.MAX_VALUE;
      for (IStereoElement<?, ?> se : undefined) {
        List<Integer> around = new ArrayList<>();
        if (se instanceof ITetrahedralChirality tc) {
          for (IAtom a : tc.getLigands()) {
            if (!a.equals(tc.getChiralAtom())) {
              around.add(m.indexOf(a));
            }
          }
        } else if (se instanceof IDoubleBondStereochemistry db) {
          IBond b = db.getStereoBond();
          for (IAtom end : new IAtom[] {b.getBegin(), b.getEnd()}) {
            for (IBond nb : m.getConnectedBondsList(end)) {
              if (!nb.equals(b)) {
                around.add(m.indexOf(nb.getOther(end)));
              }
            }
          }
        }
        for (int x = 0; x < around.size(); x++) {
          for (int y = x + 1; y < around.size(); y++) {
            int cx = classes[around.get(x)];
            if (cx == classes[around.get(y)]) {
              lowest = Math.min(lowest, cx);
            }
          }
        }
      }
      return lowest == Integer.MAX_VALUE ? -1 : lowest;
    }
  }
}
