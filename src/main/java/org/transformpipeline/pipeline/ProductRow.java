package org.transformpipeline.pipeline;

/**
 * One row of the output file: a unique product and where it came from.
 *
 * @param productSmiles canonical, stereo-exact SMILES of the product
 * @param parentId id of the parent row (text)
 * @param parentSmiles the parent's SMILES exactly as in the input
 * @param transform name of the transform
 * @param site 0-based atom index of the matched site in the parent as parsed
 * @param fragment 0 for a whole product; 1, 2, ... for the components of a split cleavage product
 *     ({@code --fragments split})
 * @param passThrough the parent row's other columns, in {@code InputSchema} order
 */
public record ProductRow(
    String productSmiles,
    String parentId,
    String parentSmiles,
    String transform,
    int site,
    int fragment,
    Object[] passThrough) {

  /** A whole product (fragment 0). */
  public ProductRow(
      String productSmiles,
      String parentId,
      String parentSmiles,
      String transform,
      int site,
      Object[] passThrough) {
    this(productSmiles, parentId, parentSmiles, transform, site, 0, passThrough);
  }
}
