package org.transformpipeline.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each dialect and fragment mode against the hand-checked table {@code transforms/dialects.tsv}:
 * hydrogens recomputed (rdkit) or not (cdk, daylight), stereo created as written, the parent's
 * stereo kept and a meaningless mark dropped, cleavage kept whole or split with the counter-ion
 * left out, and products that would be broken rejected with their reason. Products are compared as
 * canonical SMILES, and every product's key re-parses to itself.
 */
class DialectFixturesTest {

  private final CanonicalSmiles canonical = new CanonicalSmiles();

  static Stream<Arguments> rows() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (InputStream in =
        DialectFixturesTest.class.getResourceAsStream("/transforms/dialects.tsv")) {
      int line = 0;
      for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        line++;
        if (text.isBlank() || text.startsWith("#")) {
          continue;
        }
        String[] c = text.split("\t");
        assertEquals(6, c.length, "dialects.tsv line " + line + ": 6 columns");
        rows.add(Arguments.of(line, c[0], c[1], c[2], c[3], c[4], c[5]));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "line {0}: {6}")
  @MethodSource("rows")
  void dialectMakesTheHandCheckedProducts(
      int line,
      String dialect,
      String fragments,
      String smirks,
      String input,
      String expected,
      String description) {
    Dialect d = Dialect.named(dialect).orElseThrow();
    FragmentMode mode = FragmentMode.named(fragments).orElseThrow();
    if (expected.startsWith("refused: ")) {
      TransformLibraryException e =
          assertThrows(TransformLibraryException.class, () -> library(smirks, d), description);
      assertTrue(e.getMessage().contains(expected.substring("refused: ".length())), e.getMessage());
      assertTrue(e.getMessage().endsWith("^"), "a caret under the position: " + e.getMessage());
      return;
    }
    ProductEnumerator enumerator =
        new ProductEnumerator(library(smirks, d).transforms(), EnumerationLimits.defaults(), mode);
    ParentOutcome.Derivatized outcome =
        assertInstanceOf(ParentOutcome.Derivatized.class, enumerator.enumerate(input), description);
    List<String> want = new ArrayList<>();
    List<String> rejects = new ArrayList<>();
    for (String item : expected.split(" ")) {
      if (item.startsWith("!")) {
        rejects.add(item.substring(1));
      } else {
        int hash = item.indexOf('#');
        String smiles = hash < 0 ? item : item.substring(0, hash);
        int fragment = hash < 0 ? 0 : Integer.parseInt(item.substring(hash + 1));
        want.add(canonical.of(smiles) + "#" + fragment);
      }
    }
    List<String> got = new ArrayList<>();
    for (Product p : outcome.products()) {
      got.add(p.smiles() + "#" + p.fragment());
      assertEquals(p.smiles(), canonical.of(p.smiles()), "the key re-parses to itself");
    }
    assertEquals(want.stream().sorted().toList(), got.stream().sorted().toList(), description);
    assertEquals(
        rejects,
        outcome.productRejections().stream()
            .map(r -> r.rejection().reason().replaceAll("[ :].*", ""))
            .toList(),
        description);
  }

  private static TransformLibrary library(String smirks, Dialect dialect) {
    byte[] line = (smirks + "\tfixture\n").getBytes(StandardCharsets.UTF_8);
    try {
      return TransformLibrary.read(
              "dialects.tsv", new ByteArrayInputStream(line), TransformFile.Format.RULE_LINES)
          .inDialect(dialect);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
