package org.transformpipeline.chem;

import java.util.List;
import java.util.Map;

/** What became of one parent molecule: products, no matching site, or a reject with a reason. */
public sealed interface ParentOutcome {

  /**
   * At least one transform matched. {@code products} may be empty only if every product was
   * rejected or capped, which the counts below say.
   *
   * @param products the valid products, one per site and transform, in transform then site order
   * @param productRejections products that failed validation, one entry each, with the transform
   *     that made them, in transform then site order
   * @param capped products not made because of the per-parent cap
   * @param filtered valid products the product filter removed, by reason ({@link
   *     ProductFilter#REASONS}); each distinct product of a transform counted once
   */
  record Derivatized(
      List<Product> products,
      List<ProductRejection> productRejections,
      int capped,
      Map<String, Integer> filtered)
      implements ParentOutcome {
    public Derivatized {
      products = List.copyOf(products);
      productRejections = List.copyOf(productRejections);
      filtered = Map.copyOf(filtered);
    }

    /** Nothing filtered. */
    public Derivatized(
        List<Product> products, List<ProductRejection> productRejections, int capped) {
      this(products, productRejections, capped, Map.of());
    }
  }

  /** The parent parsed and is valid, but no transform matched it. */
  record NoSiteMatched() implements ParentOutcome {}

  /** The parent could not be used. */
  record Rejected(Rejection rejection) implements ParentOutcome {}
}
