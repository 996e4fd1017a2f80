package org.transformpipeline.convert;

/**
 * One record of a molecule table, every cell as text.
 *
 * @param position the 1-based line the record starts on (text) or its 0-based row (Parquet)
 * @param cells one value per column of the source's {@link MoleculeColumns}; null for a null cell.
 *     Not copied: the record owns the array
 */
public record MoleculeRecord(long position, String[] cells) implements ReadResult {

  /** The cell of a column, or null for none (a column index of -1 gives null). */
  public String cell(int column) {
    return column < 0 ? null : cells[column];
  }
}
