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
 */
public record RejectRow(
    long rowNumber, String id, String smiles, Rejection rejection, String transform) {

  /** A rejected input row. */
  public static RejectRow of(RowRejection row) {
    return new RejectRow(row.rowNumber(), row.id(), row.smiles(), row.rejection(), null);
  }

  /** A rejected product of an input row. */
  public static RejectRow of(InputRow parent, ProductRejection product) {
    return new RejectRow(
        parent.rowNumber(), parent.id(), parent.smiles(), product.rejection(), product.transform());
  }
}
