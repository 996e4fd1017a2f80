package org.transformpipeline.report;

import java.util.List;
import org.transformpipeline.pipeline.ProductRow;

/**
 * The sample products section of the report: a grid of cards, each a parent and its product drawn
 * side by side with the site highlighted, and the row's columns as text. Stateless, thread-safe.
 */
final class SampleGrid {

  private SampleGrid() {}

  static void section(StringBuilder b, List<DepictedProduct> samples, long productsWritten) {
    b.append("<section id='samples'><h2>Sample products</h2>");
    if (samples.isEmpty()) {
      b.append("<p>The products file has no rows.</p></section>\n");
      return;
    }
    b.append("<p class='sub'>")
        .append(samples.size())
        .append(" of ")
        .append(SvgCharts.count(productsWritten))
        .append(" products, spread over the products file.</p>");
    b.append("<p class='sub'><span class='swatch' style='background:")
        .append(ProductDepicter.hex(ProductDepicter.SITE_COLOUR))
        .append(
            "'></span>the site: the parent atom whose index is in the <code>site</code> column,"
                + " and the same atom in the product. <span class='swatch' style='background:")
        .append(ProductDepicter.hex(ProductDepicter.ADDED_COLOUR))
        .append(
            "'></span>product atoms not in the parent (atoms the transform added). The"
                + " product's canonical SMILES does not keep the parent's atom order, so the parent"
                + " is found in the product as a substructure (elements and connectivity).</p>");
    b.append("<div class='grid2'>");
    for (DepictedProduct d : samples) {
      card(b, d);
    }
    b.append("</div></section>\n");
  }

  private static void card(StringBuilder b, DepictedProduct d) {
    ProductRow r = d.product();
    b.append("<div class='card' data-row='").append(d.rowNumber()).append("'>");
    if (d.parentSvg() != null && d.productSvg() != null) {
      b.append("<div class='pair'><div class='mol parent'>")
          .append(d.parentSvg())
          .append("</div><div class='arrow'>&#8594;</div><div class='mol product'>")
          .append(d.productSvg())
          .append("</div></div>");
    }
    b.append("<div class='caption'><b>")
        .append(RunReport.escape(r.transform()))
        .append("</b> &middot; parent <code>")
        .append(RunReport.escape(r.parentId()))
        .append("</code> &middot; site ")
        .append(r.site())
        .append(" &middot; output row ")
        .append(d.rowNumber())
        .append("</div>");
    b.append("<div class='caption'>product <span class='smiles'>")
        .append(RunReport.escape(r.productSmiles()))
        .append("</span></div>");
    b.append("<div class='caption'>parent <span class='smiles'>")
        .append(RunReport.escape(r.parentSmiles()))
        .append("</span></div>");
    if (!d.note().isEmpty()) {
      b.append("<div class='note'>").append(RunReport.escape(d.note())).append("</div>");
    }
    b.append("</div>");
  }
}
