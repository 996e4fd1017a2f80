package org.transformpipeline.pipeline;

/**
 * One row of the input library.
 *
 * @param rowNumber 0-based row number in the input file
 * @param id the value of the id column as text, or the row number when the input has none
 * @param smiles the SMILES cell, possibly null
 * @param passThrough the other columns' values, in {@code InputSchema} order, as read (boxed Java
 *     values of the column's Parquet physical type; null for a null cell)
 * @param lineage where the row stands in its metabolite tree: its own root for a library row; for a
 *     row of an earlier generation (a product read back, or an {@code apply} output given as input)
 *     the lineage its columns say
 */
public record InputRow(
    long rowNumber, String id, String smiles, Object[] passThrough, Lineage lineage) {

  /** A library row: its own root. */
  public InputRow(long rowNumber, String id, String smiles, Object[] passThrough) {
    this(rowNumber, id, smiles, passThrough, Lineage.root(id));
  }
}
