package org.transformpipeline.pipeline;

/**
 * One row of the output file: a unique product, where it came from and its place in its metabolite
 * tree.
 *
 * @param productSmiles canonical, stereo-exact SMILES of the product
 * @param parentId id of the immediate parent: the input row's id in generation 1, the parent
 *     product's {@code productId} after that
 * @param parentSmiles the immediate parent's SMILES: exactly as in the input in generation 1, the
 *     parent product's canonical SMILES after that
 * @param transform name of the transform
 * @param site 0-based atom index of the matched site in the parent as parsed
 * @param fragment 0 for a whole product; 1, 2, ... for the components of a split cleavage product
 *     ({@code --fragments split})
 * @param productId the product's own id: its {@link ProductKey} as 32 hexadecimal digits, so equal
 *     products have equal ids in any run; a child's {@code parentId}
 * @param lineage the product's generation, root, pathway and score
 * @param passThrough the root row's other columns, in {@code InputSchema} order
 */
public record ProductRow(
    String productSmiles,
    String parentId,
    String parentSmiles,
    String transform,
    int site,
    int fragment,
    String productId,
    Lineage lineage,
    Object[] passThrough) {

  /**
   * A product of a library row (generation 1, score 1), its id made from its SMILES.
   *
   * @see #ProductRow(String, String, String, String, int, int, String, Lineage, Object[])
   */
  public ProductRow(
      String productSmiles,
      String parentId,
      String parentSmiles,
      String transform,
      int site,
      int fragment,
      Object[] passThrough) {
    this(
        productSmiles,
        parentId,
        parentSmiles,
        transform,
        site,
        fragment,
        productSmiles == null ? null : ProductKey.of(productSmiles).hex(),
        Lineage.root(parentId).next(transform, 1.0),
        passThrough);
  }

  /** A whole product (fragment 0) of a library row. */
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
