package org.transformpipeline.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.isomorphism.Transform;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.smirks.Smirks;

/**
 * Each default transform against its hand-checked fixture {@code transforms/<name>.tsv}: input
 * SMILES, the expected products (space-separated, {@code -} for no site), and the case. Products
 * are compared as canonical SMILES, so stereo must match exactly.
 */
class TransformFixturesTest {

  private final CanonicalSmiles canonical = new CanonicalSmiles();

  static Stream<Arguments> fixtureRows() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    for (TransformDefinition transform : TransformLibrary.defaults().transforms()) {
      String resource = "/transforms/" + transform.name() + ".tsv";
      try (InputStream in = TransformFixturesTest.class.getResourceAsStream(resource)) {
        assertNotNull(in, "fixture " + resource + " for default transform " + transform.name());
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
          lineNumber++;
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] columns = line.split("\t");
          assertEquals(3, columns.length, resource + " line " + lineNumber + ": 3 columns");
          rows.add(Arguments.of(transform.name(), lineNumber, columns[0], columns[1], columns[2]));
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} line {1}: {4}")
  @MethodSource("fixtureRows")
  void transformGivesTheHandCheckedProducts(
      String name, int line, String input, String expected, String description) {
    ProductEnumerator enumerator =
        new ProductEnumerator(
            TransformLibrary.defaults().only(List.of(name)).transforms(),
            EnumerationLimits.defaults());
    ParentOutcome outcome = enumerator.enumerate(input);
    if (expected.equals("-")) {
      assertInstanceOf(ParentOutcome.NoSiteMatched.class, outcome, description);
      return;
    }
    ParentOutcome.Derivatized derivatized =
        assertInstanceOf(ParentOutcome.Derivatized.class, outcome, description);
    assertEquals(List.of(), derivatized.productRejections(), description);
    assertEquals(0, derivatized.capped(), description);
    List<String> want = Arrays.stream(expected.split(" ")).map(canonical::of).sorted().toList();
    List<String> got = derivatized.products().stream().map(Product::smiles).sorted().toList();
    assertEquals(want, got, description);
    for (Product product : derivatized.products()) {
      assertEquals(name, product.transform());
    }
  }

  private String onlyProduct(String transform, String parent) {
    ParentOutcome outcome =
        new ProductEnumerator(
                TransformLibrary.defaults().only(List.of(transform)).transforms(),
                EnumerationLimits.defaults())
            .enumerate(parent);
    List<Product> products = assertInstanceOf(ParentOutcome.Derivatized.class, outcome).products();
    assertEquals(1, products.size());
    return products.get(0).smiles();
  }

  @Test
  void glucuronideHasFiveStereocentresAndIsBetaD() {
    String product = onlyProduct("phenol_o_glucuronidation", "Oc1ccccc1");
    assertEquals(5, stereocentres(product), product);
    // the beta-D reference of the reference pipeline, with the phenyl on the anomeric O
    assertEquals(canonical.of("c1ccccc1O[C@@H]1O[C@H](C(=O)O)[C@@H](O)[C@H](O)[C@H]1O"), product);
    // not the alpha anomer, not the L enantiomer
    assertNotEquals(canonical.of("c1ccccc1O[C@H]1O[C@H](C(=O)O)[C@@H](O)[C@H](O)[C@H]1O"), product);
    assertNotEquals(
        canonical.of("c1ccccc1O[C@H]1O[C@@H](C(=O)O)[C@H](O)[C@@H](O)[C@@H]1O"), product);
  }

  @Test
  void glucosideIsBetaDAsWrittenFromBetaDGlucose() {
    // beta-D-glucopyranose OC[C@H]1O[C@@H](O)[C@H](O)[C@@H](O)[C@@H]1O, anomeric OH -> OPh
    assertEquals(
        canonical.of("OC[C@H]1O[C@@H](Oc2ccccc2)[C@H](O)[C@@H](O)[C@@H]1O"),
        onlyProduct("phenol_o_glucosidation", "Oc1ccccc1"));
  }

  /**
   * Why {@link TemplateStereo} exists: in CDK 2.12 a product-side {@code [C@@H]} is written with no
   * stereo at all (the centre lists itself twice among its neighbours); the repair gives all five
   * centres back. If the first assertion starts failing, CDK has been fixed.
   */
  @Test
  void cdkAloneDropsTheStereoOfAProductSideImplicitHydrogenCentreTheRepairRestoresIt()
      throws Exception {
    IAtomContainer phenol =
        new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles("Oc1ccccc1");
    SmartsPattern.prepare(phenol);
    Transform implicitH = new Transform();
    Smirks.parse(
        implicitH, "[c:1][OX2;H1;+0:2]>>[c:1][OH0:2][C@@H]1O[C@H](C(=O)O)[C@@H](O)[C@H](O)[C@H]1O");
    List<String> written = new ArrayList<>();
    List<String> repaired = new ArrayList<>();
    for (IAtomContainer product : implicitH.apply(phenol, Transform.Mode.Unique)) {
      written.add(new SmilesGenerator(SmiFlavor.Stereo).create(product));
      TemplateStereo.repair(product);
      repaired.add(new SmilesGenerator(SmiFlavor.Stereo).create(product));
    }
    assertEquals(1, written.size());
    assertEquals(0, stereocentres(written.get(0)), written.get(0));
    assertEquals(5, stereocentres(repaired.get(0)), repaired.get(0));
    assertEquals(
        canonical.of("c1ccccc1O[C@@H]3O[C@H](C(=O)O)[C@@H](O)[C@H](O)[C@H]3O"),
        canonical.of(repaired.get(0)));
  }

  /** The number of tetrahedral marks ({@code @} or {@code @@}) in a SMILES. */
  private static long stereocentres(String smiles) {
    return java.util.regex.Pattern.compile("@+").matcher(smiles).results().count();
  }
}
