package org.transformpipeline.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The five reference transforms on the first 4,999 NCI compounds give exactly the products of the
 * independent RDKit implementation (test-data/reference/nci5k), compared after canonicalising both
 * sides with {@link CanonicalSmiles}.
 *
 * <p>Sites agree too: CDK finds 725 phenolic OH and 78 primary aliphatic amine sites, as RDKit
 * does. CDK parses the 6 inputs RDKit rejects (metals, odd valences); none of them has a site. The
 * flavonol 3-OH sites that RDKit's aromaticity model counts as phenols are also aromatic in CDK's
 * Daylight model, so no difference arises from aromaticity on this set.
 */
class ReferenceProductsTest {

  @Test
  void nciProductsEqualTheRdkitReference() throws IOException {
    ProductEnumerator enumerator =
        new ProductEnumerator(ReferenceTransforms.ALL, EnumerationLimits.defaults());
    Map<String, Set<String>> products = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("test-data/nci_first_5k.smi"))) {
      if (enumerator.enumerate(line.split("\\s+")[0]) instanceof ParentOutcome.Derivatized d) {
        for (Product p : d.products()) {
          products.computeIfAbsent(p.transform(), k -> new TreeSet<>()).add(p.smiles());
        }
      }
    }
    CanonicalSmiles canonical = new CanonicalSmiles();
    for (TransformDefinition t : ReferenceTransforms.ALL) {
      Set<String> reference = new TreeSet<>();
      for (String smiles :
          Files.readAllLines(Path.of("test-data/reference/nci5k/" + t.name() + ".smi"))) {
        reference.add(canonical.of(smiles.trim()));
      }
      assertEquals(reference, products.get(t.name()), t.name());
    }
    assertEquals(645, products.get("phenol_o_methylation").size());
    assertEquals(74, products.get("amine_n_acetylation").size());
  }
}
