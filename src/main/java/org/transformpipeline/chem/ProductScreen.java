package org.transformpipeline.chem;

import java.util.List;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * A {@link ProductFilter} ready to apply to product molecules: its SMARTS compiled once. The cheap
 * criteria are tried first (heavy atoms, elements, weight), the SMARTS last.
 *
 * <p>Not thread-safe (CDK patterns keep matching state): one per enumerator.
 */
final class ProductScreen {

  private final ProductFilter filter;
  private final List<SmartsPattern> mustMatch;
  private final List<SmartsPattern> mustNotMatch;

  ProductScreen(ProductFilter filter) {
    this.filter = filter;
    this.mustMatch = filter.mustMatch().stream().map(s -> compile("must_match", s)).toList();
    this.mustNotMatch =
        filter.mustNotMatch().stream().map(s -> compile("must_not_match", s)).toList();
  }

  private static SmartsPattern compile(String criterion, String smarts) {
    return ProductFilter.compile(criterion, smarts).setPrepare(false);
  }

  /** True when the filter keeps everything (no product need be looked at). */
  boolean keepsAll() {
    return filter.isEmpty();
  }

  /**
   * Why {@code product} is filtered: the first criterion it fails (a name of {@link
   * ProductFilter#REASONS}, followed by the SMARTS for the two SMARTS criteria), or null when it is
   * kept. Perceives the product's rings and aromaticity for the SMARTS: call it after the product's
   * key is made.
   */
  String reason(IAtomContainer product) {
    int heavy = 0;
    for (IAtom atom : product.atoms()) {
      Integer z = atom.getAtomicNumber();
      if (z != null && z == 1) {
        continue;
      }
      heavy++;
      if (!filter.elements().isEmpty() && !filter.elements().contains(atom.getSymbol())) {
        return "elements";
      }
    }
    if (filter.minHeavyAtoms() != null && heavy < filter.minHeavyAtoms()) {
      return "min_heavy_atoms";
    }
    if (filter.maxHeavyAtoms() != null && heavy > filter.maxHeavyAtoms()) {
      return "max_heavy_atoms";
    }
    if (filter.minWeight() != null || filter.maxWeight() != null) {
      double weight = AtomContainerManipulator.getMass(product, AtomContainerManipulator.MolWeight);
      if (filter.minWeight() != null && weight < filter.minWeight()) {
        return "min_weight";
      }
      if (filter.maxWeight() != null && weight > filter.maxWeight()) {
        return "max_weight";
      }
    }
    if (mustMatch.isEmpty() && mustNotMatch.isEmpty()) {
      return null;
    }
    SmartsPattern.prepare(product);
    for (int i = 0; i < mustMatch.size(); i++) {
      if (!mustMatch.get(i).matches(product)) {
        return "must_match " + filter.mustMatch().get(i);
      }
    }
    for (int i = 0; i < mustNotMatch.size(); i++) {
      if (mustNotMatch.get(i).matches(product)) {
        return "must_not_match " + filter.mustNotMatch().get(i);
      }
    }
    return null;
  }
}
