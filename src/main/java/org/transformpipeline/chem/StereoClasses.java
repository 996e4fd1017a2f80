package org.transformpipeline.chem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IDoubleBondStereochemistry;
import org.openscience.cdk.interfaces.IStereoElement;
import org.openscience.cdk.interfaces.ITetrahedralChirality;

/**
 * Atom equivalence classes that see stereochemistry: the constitutional classes of an equitable
 * partition, refined by the local parity of every stereo element until nothing changes.
 *
 * <p>A stereo element's local parity is its configuration expressed relative to the classes of its
 * carriers (for a tetrahedral centre, the parity of the permutation that sorts its four neighbours
 * by class; for a double bond, whether the highest-class substituent on each end is on the same
 * side). It is defined only when the carriers are in distinct classes. Defined parities become part
 * of the atom invariants, which may split more classes and define more parities; this repeats until
 * the partition is stable. Two stereoisomers therefore get different classes wherever their
 * configurations differ, and the classes do not depend on the input atom order.
 *
 * <p>Elements still undefined at the end have two carriers in one class: either they are not
 * stereocentres at all (stale marks) or they are para-stereocentres whose meaning is only relative
 * (cis/trans-1,4-disubstituted rings); {@link CanonicalSmiles} handles both.
 *
 * <p>Not thread-safe: one instance per molecule; cheap to create.
 */
final class StereoClasses {

  /** Invariant code of a defined parity; 0 = no stereo on the atom or undefined. */
  private static final int PARITY_ODD = 1;

  private static final int PARITY_EVEN = 2;

  private final IAtomContainer mol;
  private final int[][] graph;
  private final List<IStereoElement<?, ?>> elements;

  /** Current class of each atom: dense ranks 0..k-1, ordered by invariant (not by input order). */
  private int[] classes;

  private int classCount;

  /** Stereo elements whose parity could not be defined after the last refinement. */
  private final List<IStereoElement<?, ?>> undefined = new ArrayList<>();

  StereoClasses(IAtomContainer mol, int[][] graph) {
    this.mol = mol;
    this.graph = graph;
    this.elements = new ArrayList<>();
    for (IStereoElement<?, ?> se : mol.stereoElements()) {
      elements.add(se);
    }
  }

  /**
   * Refines a seed partition until both the partition and the stereo parities are stable.
   *
   * @param primary per-atom invariants, order-independent (e.g. element, charge, hydrogens...)
   * @param secondary per-atom values that split ties of {@code primary} (e.g. a tie broken by the
   *     caller), or null
   * @return the classes (do not modify)
   */
  int[] refine(long[] primary, long[] secondary) {
    int n = graph.length;
    classes = rankPairs(primary, secondary == null ? new long[n] : secondary);
    classCount = countClasses(classes);
    while (true) {
      refineConstitution();
      int[] parity = parities();
      long[] withParity = new long[n];
      boolean any = false;
      for (int i = 0; i < n; i++) {
        withParity[i] = parity[i];
        any |= parity[i] != 0;
      }
      if (!any) {
        return classes;
      }
      int[] next = rankPairs(toLong(classes), withParity);
      int nextCount = countClasses(next);
      if (nextCount == classCount) {
        return classes;
      }
      classes = next;
      classCount = nextCount;
    }
  }

  /** Elements left without a defined parity by the last {@link #refine}. */
  List<IStereoElement<?, ?>> undefinedElements() {
    return undefined;
  }

  /** The classes after the last {@link #refine}. */
  int[] classes() {
    return classes;
  }

  /** The number of distinct classes after the last {@link #refine}. */
  int classCount() {
    return classCount;
  }

  /**
   * Repeatedly splits classes by the multiset of neighbour classes until stable. Bond orders are
   * left out, as in CDK's {@code Canon}: they follow from the atom invariants, and leaving them out
   * keeps two Kekulé forms of one molecule in the same classes.
   */
  private void refineConstitution() {
    int n = graph.length;
    int bits = 32 - Integer.numberOfLeadingZeros(n + 1);
    int maxDegree = 0;
    for (int[] nbrs : graph) {
      maxDegree = Math.max(maxDegree, nbrs.length);
    }
    boolean packable = bits * (maxDegree + 1) <= 63;
    long[] packed = packable ? new long[n] : null;
    long[][] keys = packable ? null : new long[n][];
    int[] nbrClasses = new int[maxDegree];
    while (classCount < n) {
      for (int i = 0; i < n; i++) {
        int[] nbrs = graph[i];
        for (int k = 0; k < nbrs.length; k++) {
          nbrClasses[k] = classes[nbrs[k]];
        }
        Arrays.sort(nbrClasses, 0, nbrs.length);
        if (packable) {
          // the class, then the sorted neighbour classes + 1, zero-padded: exact and order-keeping
          long key = classes[i];
          for (int k = 0; k < nbrs.length; k++) {
            key = (key << bits) | (nbrClasses[k] + 1);
          }
          packed[i] = key << (bits * (maxDegree - nbrs.length));
        } else {
          long[] key = new long[nbrs.length + 1];
          key[0] = classes[i];
          for (int k = 0; k < nbrs.length; k++) {
            key[k + 1] = nbrClasses[k];
          }
          keys[i] = key;
        }
      }
      int[] next = packable ? denseRanks(packed) : denseRanks(keys);
      int nextCount = countClasses(next);
      classes = next;
      if (nextCount == classCount) {
        return;
      }
      classCount = nextCount;
    }
  }

  /** Local parity code of each atom under the current classes; records undefined elements. */
  private int[] parities() {
    undefined.clear();
    int[] parity = new int[graph.length];
    for (IStereoElement<?, ?> se : elements) {
      if (se instanceof ITetrahedralChirality tc) {
        int code = tetrahedralParity(tc);
        if (code == 0) {
          undefined.add(se);
        } else {
          parity[mol.indexOf(tc.getChiralAtom())] = code;
        }
      } else if (se instanceof IDoubleBondStereochemistry db) {
        int code = doubleBondParity(db);
        IBond bond = db.getStereoBond();
        if (code == 0) {
          undefined.add(se);
        } else {
          parity[mol.indexOf(bond.getBegin())] = code;
          parity[mol.indexOf(bond.getEnd())] = code;
        }
      } else {
        // allenes, atropisomers, square planar...: not ranked here; CanonicalSmiles searches
        undefined.add(se);
      }
    }
    return parity;
  }

  private int tetrahedralParity(ITetrahedralChirality tc) {
    IAtom focus = tc.getChiralAtom();
    IAtom[] carriers = tc.getLigands();
    int[] rank = new int[4];
    for (int k = 0; k < 4; k++) {
      // an implicit hydrogen or lone pair is written as the focus itself: it ranks lowest
      rank[k] = carriers[k].equals(focus) ? -1 : classes[mol.indexOf(carriers[k])];
    }
    int swaps = sortParity(rank);
    if (swaps < 0) {
      return 0;
    }
    boolean clockwise = tc.getStereo() == ITetrahedralChirality.Stereo.CLOCKWISE;
    return ((swaps & 1) == 0) == clockwise ? PARITY_EVEN : PARITY_ODD;
  }

  private int doubleBondParity(IDoubleBondStereochemistry db) {
    IBond stereoBond = db.getStereoBond();
    IBond[] refs = db.getBonds();
    IAtom beg = stereoBond.getBegin();
    IAtom end = stereoBond.getEnd();
    int begTop = highestSubstituent(beg, end);
    int endTop = highestSubstituent(end, beg);
    if (begTop < 0 || endTop < 0) {
      return 0;
    }
    IAtom begRef = refs[0].getOther(beg);
    IAtom endRef = refs[1].getOther(end);
    if (begRef == null || endRef == null) {
      // reference bonds given end-first
      begRef = refs[1].getOther(beg);
      endRef = refs[0].getOther(end);
    }
    boolean together = db.getStereo() == IDoubleBondStereochemistry.Conformation.TOGETHER;
    if (mol.indexOf(begRef) != begTop) {
      together = !together;
    }
    if (mol.indexOf(endRef) != endTop) {
      together = !together;
    }
    return together ? PARITY_EVEN : PARITY_ODD;
  }

  /** Index of the substituent of {@code atom} (other than {@code partner}) of highest class. */
  private int highestSubstituent(IAtom atom, IAtom partner) {
    int a = mol.indexOf(atom);
    int p = mol.indexOf(partner);
    int best = -1;
    int bestClass = -1;
    boolean tie = false;
    for (int w : graph[a]) {
      if (w == p) {
        continue;
      }
      if (classes[w] > bestClass) {
        best = w;
        bestClass = classes[w];
        tie = false;
      } else if (classes[w] == bestClass) {
        tie = true;
      }
    }
    return tie ? -1 : best;
  }

  /**
   * Sorts four ranks in place and returns the number of swaps, or -1 if two are equal (the parity
   * is then undefined).
   */
  private static int sortParity(int[] r) {
    int swaps = 0;
    for (int i = 1; i < r.length; i++) {
      for (int j = i; j > 0 && r[j - 1] >= r[j]; j--) {
        if (r[j - 1] == r[j]) {
          return -1;
        }
        int t = r[j];
        r[j] = r[j - 1];
        r[j - 1] = t;
        swaps++;
      }
    }
    return swaps;
  }

  private static long[] toLong(int[] xs) {
    long[] out = new long[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = xs[i];
    }
    return out;
  }

  /**
   * Dense ranks (0-based) of the values; equal values share a rank. When the values are
   * non-negative and leave room for an atom index in the low bits (the usual case: a packed key of
   * a molecule of n atoms takes {@code (degree + 1) x log2(n)} bits), one sort of value-and-index
   * pairs gives the ranks in a single pass; otherwise the distinct values are sorted and each value
   * is looked up. Both give the same ranks (DenseRanksTest).
   */
  static int[] denseRanks(long[] values) {
    int n = values.length;
    int indexBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
    long max = 0;
    for (long value : values) {
      max = value < 0 ? Long.MAX_VALUE : Math.max(max, value);
    }
    if (64 - Long.numberOfLeadingZeros(max) + indexBits <= 63) {
      long[] tagged = new long[n];
      for (int i = 0; i < n; i++) {
        tagged[i] = (values[i] << indexBits) | i;
      }
      Arrays.sort(tagged);
      long indexMask = (1L << indexBits) - 1;
      int[] ranks = new int[n];
      int rank = -1;
      long previous = -1;
      for (long pair : tagged) {
        long value = pair >>> indexBits;
        if (value != previous) {
          rank++;
          previous = value;
        }
        ranks[(int) (pair & indexMask)] = rank;
      }
      return ranks;
    }
    return denseRanksBySearch(values);
  }

  /** {@link #denseRanks(long[])} for any values: sort the distinct ones, look each value up. */
  static int[] denseRanksBySearch(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    int[] ranks = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      ranks[i] = Arrays.binarySearch(sorted, 0, distinct, values[i]);
    }
    return ranks;
  }

  /** Dense ranks of (a[i], b[i]) pairs ordered lexicographically. */
  static int[] rankPairs(long[] a, long[] b) {
    boolean small = true;
    for (int i = 0; i < a.length && small; i++) {
      small = a[i] >= 0 && a[i] < (1L << 40) && b[i] >= 0 && b[i] < (1L << 20);
    }
    if (small) {
      long[] packed = new long[a.length];
      for (int i = 0; i < a.length; i++) {
        packed[i] = (a[i] << 20) | b[i];
      }
      return denseRanks(packed);
    }
    long[][] keys = new long[a.length][];
    for (int i = 0; i < a.length; i++) {
      keys[i] = new long[] {a[i], b[i]};
    }
    return denseRanks(keys);
  }

  /** Dense ranks (0-based) of the keys in lexicographic order; equal keys share a rank. */
  static int[] denseRanks(long[][] keys) {
    int n = keys.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Arrays.compare(keys[x], keys[y]));
    int[] ranks = new int[n];
    int rank = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0 && Arrays.compare(keys[order[i]], keys[order[i - 1]]) != 0) {
        rank++;
      }
      ranks[order[i]] = rank;
    }
    return ranks;
  }

  static int countClasses(int[] classes) {
    int max = -1;
    for (int c : classes) {
      max = Math.max(max, c);
    }
    return max + 1;
  }
}
