package org.transformpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

class ParentEmbeddingTest {

  private static final SmilesParser SMILES =
      new SmilesParser(SilentChemObjectBuilder.getInstance());

  private static IAtomContainer mol(String smiles) throws InvalidSmilesException {
    return SMILES.parseSmiles(smiles);
  }

  private static List<Integer> indices(String field) {
    return field.equals("-")
        ? List.of()
        : Arrays.stream(field.split(" ")).map(Integer::valueOf).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/report/parent-embeddings.tsv", delimiter = '\t')
  void findsTheSiteAndTheAddedAtomsInTheProduct(
      String name,
      String parent,
      String product,
      int site,
      int siteInProduct,
      String added,
      String lost)
      throws Exception {
    Optional<ParentEmbedding> embedding = ParentEmbedding.find(mol(parent), mol(product), site);

    assertEquals(
        Optional.of(new ParentEmbedding(siteInProduct, indices(added), indices(lost))), embedding);
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({
    "OCCO, NCCN, 0", // even without the site, O is not in the product
    "c1ccccc1O, CCCCCC, 6", // no ring in the product
  })
  void isEmptyWhenTheParentIsNotInTheProduct(String parent, String product, int site)
      throws Exception {
    assertTrue(ParentEmbedding.find(mol(parent), mol(product), site).isEmpty());
  }

  @Test
  void refusesASiteOutsideTheParent() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ParentEmbedding.find(mol("CO"), mol("CCO"), 2));
    assertEquals("site 2 is not an atom of the parent (2 atoms)", e.getMessage());
  }
}
