package org.transformpipeline.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A small slice of the differential comparison with RDKit (scripts/compare-rdkit.sh), in the
 * default run: our own metabolism-like rules in RDKit's reaction SMARTS ({@code
 * test-data/rdkit-slice/rules.tsv}, read as a plain rule file) on 255 molecules (NCI, peptides,
 * polyphenols and a few picked for the rules), against the products RDKit's RunReactants made for
 * them ({@code expected.tsv}, written by {@code scripts/compare_rdkit.py expected}, so independent
 * of this code). Both sides are canonicalised with our key; every difference is listed.
 */
class RdkitSliceTest {

  private static final Path SLICE = Path.of("test-data/rdkit-slice");

  @Test
  void productsAreThoseRdkitMakes() throws IOException {
    TransformLibrary library = TransformLibrary.load(SLICE.resolve("rules.tsv"));
    assertEquals(11, library.transforms().size());
    assertTrue(library.transforms().stream().allMatch(t -> t.dialect() == Dialect.RDKIT));
    assertTrue(library.transforms().stream().allMatch(t -> t.probability() != null));
    ProductEnumerator enumerator =
        new ProductEnumerator(library.transforms(), EnumerationLimits.defaults());
    CanonicalSmiles canonical = new CanonicalSmiles();

    Map<String, Map<String, TreeSet<String>>> expected = new LinkedHashMap<>();
    for (String line : Files.readAllLines(SLICE.resolve("expected.tsv"))) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t");
      TreeSet<String> products = new TreeSet<>();
      if (!c[2].equals("-")) {
        Arrays.stream(c[2].split(" ")).map(canonical::of).forEach(products::add);
      }
      expected.computeIfAbsent(c[0], k -> new LinkedHashMap<>()).put(c[1], products);
    }
    assertEquals(255, expected.size());

    int rdkitProducts = 0;
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, Map<String, TreeSet<String>>> parent : expected.entrySet()) {
      Map<String, TreeSet<String>> ours = new LinkedHashMap<>();
      if (enumerator.enumerate(parent.getKey()) instanceof ParentOutcome.Derivatized d) {
        for (Product p : d.products()) {
          ours.computeIfAbsent(p.transform(), k -> new TreeSet<>()).add(p.smiles());
          assertEquals(p.smiles(), canonical.of(p.smiles()), "the key re-parses to itself");
        }
      }
      for (Map.Entry<String, TreeSet<String>> rule : parent.getValue().entrySet()) {
        rdkitProducts += rule.getValue().size();
        TreeSet<String> mine = ours.getOrDefault(rule.getKey(), new TreeSet<>());
        if (!mine.equals(rule.getValue())) {
          differences.add(
              parent.getKey()
                  + " "
                  + rule.getKey()
                  + ": RDKit "
                  + rule.getValue()
                  + ", ours "
                  + mine);
        }
      }
    }
    assertTrue(rdkitProducts > 400, "RDKit products: " + rdkitProducts);
    assertEquals(List.of(), differences);
  }
}
