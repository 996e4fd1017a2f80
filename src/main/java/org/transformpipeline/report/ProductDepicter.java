package org.transformpipeline.report;

import java.awt.Color;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.openscience.cdk.depict.Depiction;
import org.openscience.cdk.depict.DepictionGenerator;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IChemObject;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;
import org.transformpipeline.chem.ProductEnumerator;
import org.transformpipeline.pipeline.ProductRow;
import org.transformpipeline.text.ErrorText;

/**
 * Draws a product and its parent as inline SVG (CDK depict, 2D layout by CDK's structure diagram
 * generator), with the modified site highlighted: in the parent, the {@code site} atom (orange); in
 * the product, the same atom found by {@link ParentEmbedding} (orange) and the atoms the transform
 * added, that is the product atoms not in the parent, with their bonds (blue).
 *
 * <p>Never throws for a bad row: a SMILES that does not parse, a site outside the parent or a
 * failed layout is reported in {@link DepictedProduct#note()}.
 *
 * <p>Not thread-safe: it holds a SMILES parser.
 */
public final class ProductDepicter {

  /** Highlight of the site atom, in the parent and in the product. */
  public static final Color SITE_COLOUR = new Color(0xF2, 0x8E, 0x2B);

  /** Highlight of the atoms and bonds the transform added, in the product. */
  public static final Color ADDED_COLOUR = new Color(0x4E, 0x9A, 0xF0);

  private static final int WIDTH = 280;
  private static final int HEIGHT = 200;

  private final SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
  private final DepictionGenerator generator =
      new DepictionGenerator()
          .withAtomColors()
          .withSize(WIDTH, HEIGHT)
          .withMargin(8)
          .withOuterGlowHighlight(6.0);

  /** The hex form of a colour as CDK writes it in SVG ({@code #RRGGBB}). */
  public static String hex(Color colour) {
    return String.format("#%02X%02X%02X", colour.getRed(), colour.getGreen(), colour.getBlue());
  }

  /** Draws one sampled product row (0-based row number in the products file). */
  public DepictedProduct depict(long rowNumber, ProductRow row) {
    IAtomContainer parent;
    IAtomContainer product;
    try {
      parent = ProductEnumerator.parentAtoms(parser.parseSmiles(row.parentSmiles()));
    } catch (CDKException | RuntimeException e) {
      return failed(rowNumber, row, "parent SMILES does not parse: " + ErrorText.firstLine(e));
    }
    try {
      product = ProductEnumerator.parentAtoms(parser.parseSmiles(row.productSmiles()));
    } catch (CDKException | RuntimeException e) {
      return failed(rowNumber, row, "product SMILES does not parse: " + ErrorText.firstLine(e));
    }
    int site = row.site();
    if (site < 0 || site >= parent.getAtomCount()) {
      return failed(
          rowNumber,
          row,
          "site " + site + " is not an atom of the parent (" + parent.getAtomCount() + " atoms)");
    }
    Optional<ParentEmbedding> embedding = ParentEmbedding.find(parent, product, site);
    String note = "";
    if (embedding.isEmpty()) {
      note = "the parent is not a substructure of the product: no product atoms highlighted";
    } else if (embedding.get().siteInProduct() < 0) {
      note = "the site atom was replaced by the transform";
    } else if (!embedding.get().parentAtomsLost().isEmpty()) {
      note = "parent atoms " + embedding.get().parentAtomsLost() + " replaced by the transform";
    }
    try {
      String parentSvg =
          svg(generator.withHighlight(Set.of(parent.getAtom(site)), SITE_COLOUR).depict(parent));
      DepictionGenerator productGenerator = generator;
      if (embedding.isPresent()) {
        ParentEmbedding e = embedding.get();
        productGenerator = generator.withHighlight(addedAtomsAndBonds(product, e), ADDED_COLOUR);
        if (e.siteInProduct() >= 0) {
          productGenerator =
              productGenerator.withHighlight(
                  Set.of(product.getAtom(e.siteInProduct())), SITE_COLOUR);
        }
      }
      return new DepictedProduct(
          rowNumber,
          row,
          parentSvg,
          svg(productGenerator.depict(product)),
          embedding.orElse(null),
          note);
    } catch (CDKException | RuntimeException e) {
      return failed(rowNumber, row, "cannot draw: " + ErrorText.firstLine(e));
    }
  }

  /** The added atoms and their bonds (to each other and to where they are attached). */
  private static Set<IChemObject> addedAtomsAndBonds(IAtomContainer product, ParentEmbedding e) {
    Set<Integer> added = new HashSet<>(e.addedAtoms());
    Set<IChemObject> objects = new HashSet<>();
    e.addedAtoms().forEach(i -> objects.add(product.getAtom(i)));
    for (IBond bond : product.bonds()) {
      if (added.contains(bond.getBegin().getIndex()) || added.contains(bond.getEnd().getIndex())) {
        objects.add(bond);
      }
    }
    return objects;
  }

  /**
   * CDK's SVG made fit to sit inside HTML next to others: no XML prolog, DOCTYPE or description, no
   * element ids (they would repeat across drawings), sized in pixels.
   */
  static String svg(Depiction depiction) {
    String svg = depiction.toSvgStr(Depiction.UNITS_PX);
    int start = svg.indexOf("<svg");
    return svg.substring(start)
        .replaceAll(" id='[^']*'", "")
        .replaceAll("(?s)\\s*<desc>.*?</desc>", "")
        .strip();
  }

  private static DepictedProduct failed(long rowNumber, ProductRow row, String note) {
    return new DepictedProduct(rowNumber, row, null, null, null, note);
  }
}
