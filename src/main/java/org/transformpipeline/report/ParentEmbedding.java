package org.transformpipeline.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.isomorphism.DfPattern;
import org.openscience.cdk.isomorphism.matchers.Expr;
import org.openscience.cdk.isomorphism.matchers.QueryAtomContainer;

/**
 * Where a parent's atoms lie in one of its products, found by matching the parent's heavy-atom
 * graph (elements and connectivity only: bond orders, charges and hydrogens may change) as a
 * substructure of the product. The product atoms outside the match are the atoms the transform
 * added; the match of the site atom is the site in the product.
 *
 * <p>The product's canonical SMILES does not keep the parent's atom order, hence the match. When a
 * transform replaced a terminal atom (e.g. the OH of an acid by NH2), the whole parent is not in
 * the product: the match is then tried again without the site's terminal neighbours, then without
 * the site itself when it is terminal; the atoms left out are {@link #parentAtomsLost()}. Symmetric
 * parents match in several ways; the first match (of at most {@value #MAX_MATCHES}) where the site
 * (or, when it was replaced, a neighbour of it) touches an added atom is taken.
 *
 * @param siteInProduct product atom index of the parent's site atom, or -1 when the site atom
 *     itself was replaced
 * @param addedAtoms product atom indices not matched by a parent atom, ascending
 * @param parentAtomsLost parent atom indices left out of the match, ascending (usually none)
 */
public record ParentEmbedding(
    int siteInProduct, List<Integer> addedAtoms, List<Integer> parentAtomsLost) {

  /** Matches looked at, at most, for one whose site touches an added atom. */
  static final int MAX_MATCHES = 200;

  public ParentEmbedding {
    addedAtoms = List.copyOf(addedAtoms);
    parentAtomsLost = List.copyOf(parentAtomsLost);
  }

  /**
   * The embedding of {@code parent} in {@code product} with the parent's {@code site} atom, or
   * empty when the parent (even without the site's terminal neighbours) is not a substructure. Both
   * molecules without explicit hydrogens. Stateless, thread-safe (the molecules are only read).
   */
  public static Optional<ParentEmbedding> find(
      IAtomContainer parent, IAtomContainer product, int site) {
    if (site < 0 || site >= parent.getAtomCount()) {
      throw new IllegalArgumentException(
          "site " + site + " is not an atom of the parent (" + parent.getAtomCount() + " atoms)");
    }
    IAtom siteAtom = parent.getAtom(site);
    List<Integer> terminalNeighbours = new ArrayList<>();
    for (IAtom neighbour : parent.getConnectedAtomsList(siteAtom)) {
      if (parent.getConnectedBondsCount(neighbour) == 1) {
        terminalNeighbours.add(neighbour.getIndex());
      }
    }
    List<List<Integer>> attempts = new ArrayList<>();
    attempts.add(List.of());
    if (!terminalNeighbours.isEmpty()) {
      attempts.add(terminalNeighbours.stream().sorted().toList());
    }
    if (parent.getConnectedBondsCount(siteAtom) == 1) {
      attempts.add(List.of(site));
    }
    for (List<Integer> leftOut : attempts) {
      Optional<ParentEmbedding> found = find(parent, product, site, leftOut);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<ParentEmbedding> find(
      IAtomContainer parent, IAtomContainer product, int site, List<Integer> leftOut) {
    QueryAtomContainer query = QueryAtomContainer.create(parent, Expr.Type.ELEMENT);
    List<Integer> kept = new ArrayList<>(); // query atom index -> parent atom index
    for (int i = 0; i < parent.getAtomCount(); i++) {
      if (!leftOut.contains(i)) {
        kept.add(i);
      }
    }
    for (int i = leftOut.size() - 1; i >= 0; i--) {
      query.removeAtom(query.getAtom(leftOut.get(i)));
    }
    if (query.getAtomCount() > product.getAtomCount()) {
      return Optional.empty();
    }
    // the atoms next to the change: the site, or its neighbours when the site itself was replaced
    List<Integer> anchors = new ArrayList<>();
    if (kept.contains(site)) {
      anchors.add(kept.indexOf(site));
    } else {
      parent
          .getConnectedAtomsList(parent.getAtom(site))
          .forEach(n -> anchors.add(kept.indexOf(n.getIndex())));
    }
    int[] chosen = null;
    for (int[] match : DfPattern.findSubstructure(query).matchAll(product).limit(MAX_MATCHES)) {
      if (chosen == null) {
        chosen = match.clone();
      }
      if (anchors.stream().anyMatch(a -> touchesAddedAtom(product, match, match[a]))) {
        chosen = match.clone();
        break;
      }
    }
    if (chosen == null) {
      return Optional.empty();
    }
    boolean[] matched = new boolean[product.getAtomCount()];
    for (int atom : chosen) {
      matched[atom] = true;
    }
    List<Integer> added = new ArrayList<>();
    for (int i = 0; i < matched.length; i++) {
      if (!matched[i]) {
        added.add(i);
      }
    }
    int siteInProduct = kept.contains(site) ? chosen[kept.indexOf(site)] : -1;
    return Optional.of(new ParentEmbedding(siteInProduct, added, leftOut));
  }

  private static boolean touchesAddedAtom(IAtomContainer product, int[] match, int siteAtom) {
    for (IAtom neighbour : product.getConnectedAtomsList(product.getAtom(siteAtom))) {
      int index = neighbour.getIndex();
      if (Arrays.stream(match).noneMatch(m -> m == index)) {
        return true;
      }
    }
    return false;
  }
}
