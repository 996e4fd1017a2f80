package org.transformpipeline.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in library, rewritten in the rdkit dialect without the old workarounds ({@code
 * [OH0:2]}, {@code [#1+0]} hydrogens on new stereocentres, a leaving {@code [H]}), makes exactly
 * the products the old cdk-dialect library made: the same keys, transforms, sites and rejects on
 * every molecule of NCI 5K and the first 2,000 polyphenols.
 */
class BuiltInLibraryRewriteTest {

  @ParameterizedTest
  @ValueSource(strings = {"test-data/nci_first_5k.smi", "test-data/polyphenols_first_2k.smi"})
  void rewrittenLibraryMakesTheSameProducts(String file) throws IOException, URISyntaxException {
    Path before =
        Path.of(
            Objects.requireNonNull(
                    getClass().getResource("/transforms/library-before-dialects.yaml"))
                .toURI());
    TransformLibrary old = TransformLibrary.load(before);
    TransformLibrary rewritten = TransformLibrary.defaults();
    assertTrue(old.transforms().stream().allMatch(t -> t.dialect() == Dialect.CDK));
    assertTrue(rewritten.transforms().stream().allMatch(t -> t.dialect() == Dialect.RDKIT));
    assertEquals(
        old.transforms().stream().map(TransformDefinition::name).toList(),
        rewritten.transforms().stream().map(TransformDefinition::name).toList());
    assertTrue(
        rewritten.transforms().stream()
            .noneMatch(t -> t.smirks().contains("[#1+0]") || t.smirks().contains("[H]")),
        "no explicit-hydrogen workarounds left");

    ProductEnumerator was = new ProductEnumerator(old.transforms(), EnumerationLimits.defaults());
    ProductEnumerator now =
        new ProductEnumerator(rewritten.transforms(), EnumerationLimits.defaults());
    int products = 0;
    List<String> differences = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(file))) {
      String smiles = line.split("\\s+")[0];
      ParentOutcome expected = was.enumerate(smiles);
      ParentOutcome actual = now.enumerate(smiles);
      if (!expected.equals(actual)) {
        differences.add(smiles + ": " + expected + " != " + actual);
      }
      if (actual instanceof ParentOutcome.Derivatized d) {
        products += d.products().size();
      }
    }
    assertEquals(List.of(), differences.subList(0, Math.min(5, differences.size())));
    assertTrue(products > 1000, "products: " + products);
  }
}
