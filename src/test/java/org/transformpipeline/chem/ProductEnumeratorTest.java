package org.transformpipeline.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductEnumeratorTest {

  private static final TransformDefinition METHYLATION =
      new TransformDefinition(
          "phenol_o_methylation",
          "[c:1][OX2;H1;+0:2]>>[c:1][OH0:2]C",
          "",
          "",
          null,
          Dialect.RDKIT,
          null);

  /**
   * Forgets to take the hydrogen away: read literally (the cdk dialect), every product has a
   * three-valent neutral O.
   */
  private static final TransformDefinition FORGETS_HYDROGEN =
      new TransformDefinition(
          "forgets_hydrogen", "[c:1][OX2;H1;+0:2]>>[c:1][O:2]C", "", "", null, Dialect.CDK, null);

  private final CanonicalSmiles canonical = new CanonicalSmiles();

  private static ParentOutcome.Derivatized derivatized(ParentOutcome outcome) {
    return assertInstanceOf(ParentOutcome.Derivatized.class, outcome);
  }

  private static ProductEnumerator enumerator(TransformDefinition... transforms) {
    return new ProductEnumerator(List.of(transforms), EnumerationLimits.defaults());
  }

  @Test
  void onePerSiteWithTheSiteIndexOfTheChangedOxygen() {
    // 4-methylresorcinol: the two OH (atoms 0 and 7) are not equivalent
    ParentOutcome.Derivatized d = derivatized(enumerator(METHYLATION).enumerate("Oc1ccc(C)c(O)c1"));
    assertEquals(2, d.products().size());
    assertEquals(List.of(0, 7), d.products().stream().map(Product::site).toList());
    assertEquals(canonical.of("COc1ccc(C)c(O)c1"), d.products().get(0).smiles());
    assertEquals(canonical.of("Oc1ccc(C)c(OC)c1"), d.products().get(1).smiles());
  }

  @Test
  void symmetricSitesGiveOneProductAtTheFirstSite() {
    ParentOutcome.Derivatized d = derivatized(enumerator(METHYLATION).enumerate("Oc1ccc(O)cc1"));
    assertEquals(1, d.products().size());
    assertEquals(0, d.products().get(0).site());
    assertEquals(canonical.of("COc1ccc(O)cc1"), d.products().get(0).smiles());
  }

  @Test
  void saltsKeepTheirCounterIons() {
    ParentOutcome.Derivatized d =
        derivatized(enumerator(METHYLATION).enumerate("Oc1ccccc1C(=O)[O-].[Na+]"));
    assertEquals(canonical.of("COc1ccccc1C(=O)[O-].[Na+]"), d.products().get(0).smiles());
  }

  @Test
  void aCentreThatStopsBeingAStereocentreLosesItsMark() {
    // the centre carries 4-hydroxyphenyl and 4-methoxyphenyl; methylating the OH makes them equal
    ParentOutcome.Derivatized d =
        derivatized(enumerator(METHYLATION).enumerate("Oc1ccc(cc1)[C@H](C)c1ccc(OC)cc1"));
    String product = d.products().get(0).smiles();
    assertFalse(product.contains("@"), product);
    assertEquals(canonical.of("COc1ccc(cc1)C(C)c1ccc(OC)cc1"), product);
  }

  @Test
  void theParentsStereoIsKept() {
    ParentOutcome.Derivatized d =
        derivatized(enumerator(METHYLATION).enumerate("C[C@@H](N)Cc1ccc(O)cc1"));
    assertEquals(canonical.of("C[C@@H](N)Cc1ccc(OC)cc1"), d.products().get(0).smiles());
    assertTrue(d.products().get(0).smiles().contains("@"));
  }

  @Test
  void anOvervalentProductIsARejectWithItsReasonNotACrash() {
    ParentOutcome.Derivatized d = derivatized(enumerator(FORGETS_HYDROGEN).enumerate("Oc1ccccc1"));
    assertTrue(d.products().isEmpty());
    assertEquals(1, d.productRejections().size());
    Rejection r = d.productRejections().get(0).rejection();
    assertEquals(Rejection.Stage.PRODUCT, r.stage());
    assertEquals("product: over-valent atom", r.category(), r.reason());
  }

  @Test
  void sitesOverTheCapAreCounted() {
    ProductEnumerator capped =
        new ProductEnumerator(
            List.of(METHYLATION), EnumerationLimits.defaults().withMaxProductsPerParent(2));
    // four distinct phenolic OH
    ParentOutcome.Derivatized d = derivatized(capped.enumerate("Oc1c(C)c(O)c(CC)c(O)c1O"));
    assertEquals(2, d.products().size());
    assertEquals(2, d.capped());
  }

  @Test
  void noSiteUnparsableAndOversizedParentsAreOutcomesNotExceptions() {
    ProductEnumerator e =
        new ProductEnumerator(
            List.of(METHYLATION), new EnumerationLimits(1000, 10, Duration.ofSeconds(10)));
    assertInstanceOf(ParentOutcome.NoSiteMatched.class, e.enumerate("CCO"));
    ParentOutcome.Rejected parse =
        assertInstanceOf(ParentOutcome.Rejected.class, e.enumerate("C1CC("));
    assertEquals(Rejection.Stage.PARSE, parse.rejection().stage());
    ParentOutcome.Rejected big =
        assertInstanceOf(ParentOutcome.Rejected.class, e.enumerate("Oc1ccccc1CCCCCCCCCC"));
    assertEquals("parent: too large", big.rejection().category());
  }

  @Test
  void phaseTimesAddUp() {
    ProductEnumerator e = enumerator(METHYLATION);
    e.enumerate("Oc1ccc(O)cc1");
    ChemistryTimes t = e.times();
    assertTrue(t.parseNanos() > 0 && t.applyNanos() > 0 && t.keyNanos() > 0, t.toString());
    assertEquals(t.parseNanos() + t.applyNanos() + t.keyNanos(), t.totalNanos());
  }

  /** Poly(hydroxyphenylene) with {@code units} rings, one phenolic OH each. */
  private static String polyphenylene(int units) {
    StringBuilder smiles = new StringBuilder("C");
    for (int i = 0; i < units; i++) {
      smiles.append(i < units - 1 ? "c1cc(O)c(cc1)" : "c1cc(O)ccc1");
    }
    return smiles.toString();
  }

  @Test
  void aMoleculeWithHundredsOfSitesIsCappedAndCounted() {
    ProductEnumerator capped =
        new ProductEnumerator(
            List.of(METHYLATION), EnumerationLimits.defaults().withMaxProductsPerParent(100));
    ParentOutcome.Derivatized d = derivatized(capped.enumerate(polyphenylene(65)));
    assertEquals(65, d.products().size(), "one product per site: no two sites are equivalent");
    assertEquals(0, d.capped(), "65 sites fit under a cap of 100");
    ProductEnumerator tight =
        new ProductEnumerator(
            List.of(METHYLATION), EnumerationLimits.defaults().withMaxProductsPerParent(10));
    ParentOutcome.Derivatized t = derivatized(tight.enumerate(polyphenylene(65)));
    assertEquals(10, t.products().size());
    assertEquals(55, t.capped());
  }

  @Test
  void aHugePolymerIsRejectedBeforeMatching() {
    ParentOutcome.Rejected r =
        assertInstanceOf(
            ParentOutcome.Rejected.class, enumerator(METHYLATION).enumerate(polyphenylene(1000)));
    assertEquals("parent: too large", r.rejection().category());
  }
}
