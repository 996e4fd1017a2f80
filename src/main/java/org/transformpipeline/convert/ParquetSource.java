package org.transformpipeline.convert;

import java.nio.file.Path;
import java.util.List;
import org.transformpipeline.parquet.ParquetFooter;
import org.transformpipeline.parquet.ProductWriter;
import org.transformpipeline.parquet.TextRowReader;

/**
 * Reads a flat Parquet file as a molecule table, row by row, every cell as text ({@link
 * TextRowReader}). By default the SMILES column is {@code smiles} and the id column {@code id} (if
 * any); for an output of {@code apply} (told by its footer metadata) they are {@code
 * product_smiles} and {@code parent_id}. Not thread-safe.
 */
final class ParquetSource implements MoleculeSource {

  private final TextRowReader reader;
  private final MoleculeColumns columns;
  private long row;

  private ParquetSource(TextRowReader reader, MoleculeColumns columns) {
    this.reader = reader;
    this.columns = columns;
  }

  /**
   * Opens a file and finds the SMILES and id columns.
   *
   * @param smilesColumn the SMILES column, or null for the default
   * @param idColumn the id column (must exist), or null for the default
   * @throws ConversionException when a named column is missing
   * @throws org.transformpipeline.parquet.InputException when the file is not readable Parquet or
   *     has nested columns
   */
  static ParquetSource open(Path file, String smilesColumn, String idColumn) {
    boolean products = ProductWriter.isProductsFile(ParquetFooter.read(file).metadata());
    TextRowReader reader = TextRowReader.open(file);
    try {
      List<String> names = reader.columns();
      String smilesName =
          smilesColumn != null
              ? smilesColumn
              : products ? ProductWriter.PRODUCT_SMILES_COLUMN : "smiles";
      int smiles = names.indexOf(smilesName);
      if (smiles < 0) {
        throw new ConversionException(
            file
                + ": no SMILES column '"
                + smilesName
                + "' (columns: "
                + String.join(", ", names)
                + "); use --smiles-column");
      }
      int id;
      if (idColumn != null) {
        id = names.indexOf(idColumn);
        if (id < 0 || id == smiles) {
          throw new ConversionException(
              file
                  + ": no id column '"
                  + idColumn
                  + "' (columns: "
                  + String.join(", ", names)
                  + ")");
        }
      } else {
        id = names.indexOf("id");
        if (id < 0 && products) {
          id = names.indexOf(ProductWriter.PARENT_ID_COLUMN);
        }
        id = id == smiles ? -1 : id;
      }
      return new ParquetSource(reader, new MoleculeColumns(names, smiles, id));
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  @Override
  public MoleculeColumns columns() {
    return columns;
  }

  @Override
  public String positionName() {
    return "row";
  }

  @Override
  public ReadResult next() {
    String[] cells = reader.next();
    return cells == null ? null : new MoleculeRecord(row++, cells);
  }

  @Override
  public void close() {
    reader.close();
  }
}
