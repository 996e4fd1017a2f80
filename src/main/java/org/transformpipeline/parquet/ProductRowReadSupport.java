package org.transformpipeline.parquet;

import java.util.Arrays;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.transformpipeline.pipeline.ProductRow;

/**
 * Reads a products file written by {@link ProductWriter} back into {@link ProductRow}s: the six
 * product columns, then every other column as a boxed cell of its physical type (strings as {@link
 * Binary}, as the input reader gives them), so that writing the rows again gives the same values.
 * Not thread-safe: one per reader.
 */
final class ProductRowReadSupport extends RowReadSupport<ProductRow> {

  private static final int PRODUCT_COLUMNS = ProductWriteSupport.PRODUCT_COLUMNS.size();

  /** product_smiles, parent_id, parent_smiles, transform; then site and fragment (int32). */
  private static final int TEXT_COLUMNS = 4;

  private final boolean smilesOnly;

  /**
   * @param smilesOnly read only {@code product_smiles}; the other fields are null, site 0 and no
   *     cells
   */
  ProductRowReadSupport(boolean smilesOnly) {
    this.smilesOnly = smilesOnly;
  }

  @Override
  MessageType requested(MessageType file) {
    for (int i = 0; i < PRODUCT_COLUMNS; i++) {
      String expected = ProductWriteSupport.PRODUCT_COLUMNS.get(i);
      if (file.getFieldCount() <= i || !file.getType(i).getName().equals(expected)) {
        throw new IllegalStateException(
            "not a products file: column " + i + " is not " + expected + " in " + file);
      }
    }
    return smilesOnly ? new MessageType(file.getName(), file.getType(0)) : file;
  }

  @Override
  Assembler<ProductRow> assembler(MessageType requested) {
    return new Row(requested.getFieldCount());
  }

  /** Fields 0-5 are the product columns; cells hold the rest. */
  private static final class Row extends Assembler<ProductRow> {
    private final Object[] values;

    Row(int fields) {
      super(fields);
      values = new Object[fields];
      for (int i = 0; i < fields; i++) {
        converters[i] =
            new BoxedCellConverter((at, value) -> values[at] = value, i, i < TEXT_COLUMNS);
      }
    }

    @Override
    public void start() {
      Arrays.fill(values, null);
    }

    @Override
    public void end() {
      int cells = Math.max(0, values.length - PRODUCT_COLUMNS);
      Object[] passThrough = new Object[cells];
      if (cells > 0) {
        System.arraycopy(values, PRODUCT_COLUMNS, passThrough, 0, cells);
      }
      current =
          new ProductRow(
              (String) values[0],
              values.length > 1 ? (String) values[1] : null,
              values.length > 2 ? (String) values[2] : null,
              values.length > 3 ? (String) values[3] : null,
              values.length > 4 ? (Integer) values[4] : 0,
              values.length > 5 ? (Integer) values[5] : 0,
              passThrough);
    }
  }
}
