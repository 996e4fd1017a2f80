package org.transformpipeline.pipeline;

import org.transformpipeline.chem.ProductRejection;
import org.transformpipeline.chem.Rejection;

/**
 * One row of the rejects file: an input row that could not be used, or one product of a row that
 * failed validation.
 *
 * @param rowNumber 0-based row number of the input row
 * @param id the input row's id
 * @param smiles the input row's SMILES cell as read, possibly null
 * @param rejection stage and reason
 * @param transform the transform that made the rejected product; null for a rejected row
 * @param generation the generation that rejected it: 1 for the input rows and their products, g for
 *     the parents of generation g (the products of generation g - 1) and their products
 */
public record RejectRow(
    long rowNumber,
    String id,
    String smiles,
    Rejection rejection,
    String transform,
    int generation) {

  /** A reject of generation 1. */
  public RejectRow(
      long rowNumber, String id, String smiles, Rejection rejection, String transform) {
    this(rowNumber, id, smiles, rejection, transform, 1);
  }

  /** A rejected input row (generation 1). */
  public static RejectRow of(RowRejection row) {
    return of(row, 1);
  }

  /** A rejected row of generation {@code generation}. */
  public static RejectRow of(RowRejection row, int generation) {
    return new RejectRow(
        row.rowNumber(), row.id(), row.smiles(), row.rejection(), null, generation);
  }

  /** A rejected product of a row, in the generation after the row's own. */
  public static RejectRow of(InputRow parent, ProductRejection product) {
    return new RejectRow(
        parent.rowNumber(),
        parent.id(),
        parent.smiles(),
        product.rejection(),
        product.transform(),
        parent.lineage().generation() + 1);
  }
}
