package org.transformpipeline.report;

import org.transformpipeline.pipeline.ProductRow;

/**
 * A sampled product row drawn for the report.
 *
 * @param rowNumber 0-based row number in the products file
 * @param product the row's product columns
 * @param parentSvg the parent with its site highlighted, as inline SVG; null when it could not be
 *     drawn (see {@code note})
 * @param productSvg the product with the site and the added atoms highlighted; null when it could
 *     not be drawn
 * @param embedding where the parent's atoms are in the product; null when the parent is not a
 *     substructure of the product or the row could not be drawn
 * @param note why something is missing, or empty
 */
public record DepictedProduct(
    long rowNumber,
    ProductRow product,
    String parentSvg,
    String productSvg,
    ParentEmbedding embedding,
    String note) {}
