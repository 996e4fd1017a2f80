package org.transformpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transformpipeline.pipeline.ProductRow;

class ProductDepicterTest {

  private static final String SITE = ProductDepicter.hex(ProductDepicter.SITE_COLOUR);
  private static final String ADDED = ProductDepicter.hex(ProductDepicter.ADDED_COLOUR);

  private final ProductDepicter depicter = new ProductDepicter();

  private static ProductRow row(String parent, String product, String transform, int site) {
    return new ProductRow(product, "p1", parent, transform, site, new Object[0]);
  }

  /** How many drawn elements carry a highlight of this colour (CDK's outer glow strokes). */
  private static int glows(String svg, String colour) {
    Matcher m = Pattern.compile("stroke='" + colour + "'").matcher(svg);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void highlightsTheSiteInTheParentAndTheSiteAndAddedAtomsInTheProduct() {
    DepictedProduct d =
        depicter.depict(7, row("Oc1ccc(O)cc1", "Oc1ccc(OC)cc1", "phenol_o_methylation", 0));

    assertEquals("", d.note());
    assertEquals(new ParentEmbedding(5, List.of(6), List.of()), d.embedding());
    assertEquals(7, d.rowNumber());
    // parent: the site O (its symbol and H are drawn as two glowing outlines), nothing added
    assertTrue(glows(d.parentSvg(), SITE) > 0, d.parentSvg());
    assertEquals(0, glows(d.parentSvg(), ADDED));
    // product: the same O, and the methyl with its bond
    assertTrue(glows(d.productSvg(), SITE) > 0, d.productSvg());
    assertTrue(glows(d.productSvg(), ADDED) > 0, d.productSvg());
  }

  @Test
  void drawsInlineSvgWithoutPrologIdsOrDescription() {
    DepictedProduct d =
        depicter.depict(0, row("Oc1ccccc1", "O=S(=O)(O)Oc1ccccc1", "phenol_o_sulfation", 0));

    for (String svg : List.of(d.parentSvg(), d.productSvg())) {
      assertTrue(svg.startsWith("<svg "), svg);
      assertTrue(svg.endsWith("</svg>"), svg);
      assertFalse(
          svg.contains("<?xml")
              || svg.contains("DOCTYPE")
              || svg.contains(" id=")
              || svg.contains("<desc>"),
          svg);
      assertTrue(svg.contains("width='280.0px'") || svg.contains("width='280px'"), svg);
    }
  }

  @Test
  void aReplacedSiteIsSaidAndOnlyTheAddedAtomsAreHighlighted() {
    DepictedProduct d =
        depicter.depict(0, row("NC(C)C(=O)O", "O=C(N)C(N)C", "peptide_c_terminal_amidation", 5));

    assertEquals("the site atom was replaced by the transform", d.note());
    assertEquals(0, glows(d.productSvg(), SITE));
    assertTrue(glows(d.productSvg(), ADDED) > 0);
  }

  @ParameterizedTest(name = "{3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "C1CC | CC | 0 | parent SMILES does not parse: ",
        "CCO | C(C | 0 | product SMILES does not parse: ",
        "CCO | CCOC | 3 | site 3 is not an atom of the parent (3 atoms)",
        "OCCO | NCCN | 0 | the parent is not a substructure of the product: no product atoms"
            + " highlighted",
      })
  void saysWhyARowCannotBeDrawnInFull(String parent, String product, int site, String note) {
    DepictedProduct d = depicter.depict(3, row(parent, product, "t", site));

    assertTrue(d.note().startsWith(note), d.note());
    if (note.contains("not a substructure")) {
      assertNull(d.embedding());
      assertTrue(glows(d.parentSvg(), SITE) > 0);
      assertEquals(0, glows(d.productSvg(), SITE) + glows(d.productSvg(), ADDED));
    } else {
      assertNull(d.parentSvg());
      assertNull(d.productSvg());
    }
  }
}
