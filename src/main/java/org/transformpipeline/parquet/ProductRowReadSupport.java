package org.transformpipeline.parquet;

import java.util.Arrays;
import java.util.Set;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.transformpipeline.pipeline.Lineage;
import org.transformpipeline.pipeline.ProductRow;

/**
 * Reads a products file written by {@link ProductWriter} back into {@link ProductRow}s: the six
 * product columns, then every other column as a boxed cell of its physical type (strings as {@link
 * Binary}, as the input reader gives them), so that writing the rows again gives the same values.
 * Not thread-safe: one per reader.
 */
final class ProductRowReadSupport extends RowReadSupport<ProductRow> {

  private static final int PRODUCT_COLUMNS = ProductWriteSupport.PRODUCT_COLUMNS.size();

  /** Which product columns are strings (the others are int32 or, for the score, double). */
  private static final Set<String> TEXT_COLUMNS =
      Set.of(
          "product_smiles",
          "parent_id",
          "parent_smiles",
          "transform",
          "product_id",
          "root_id",
          "pathway");

  private final String onlyColumn;

  /** Reads every column. */
  ProductRowReadSupport() {
    this(null);
  }

  /**
   * @param onlyColumn read only this column ({@code product_smiles} or {@code root_id}), or null
   *     for all; the other fields are null (the lineage, with only its root, for {@code root_id}),
   *     site 0 and no cells
   */
  ProductRowReadSupport(String onlyColumn) {
    this.onlyColumn = onlyColumn;
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
    return onlyColumn == null
        ? file
        : new MessageType(file.getName(), file.getType(file.getFieldIndex(onlyColumn)));
  }

  @Override
  Assembler<ProductRow> assembler(MessageType requested) {
    return onlyColumn == null ? new Row(requested.getFieldCount()) : new OneColumn(onlyColumn);
  }

  /** One text column: the product SMILES, or the root id. */
  private static final class OneColumn extends Assembler<ProductRow> {
    private final boolean root;
    private String value;

    OneColumn(String column) {
      super(1);
      this.root = column.equals("root_id");
      converters[0] = new BoxedCellConverter((at, v) -> value = (String) v, 0, true);
    }

    @Override
    public void start() {
      value = null;
    }

    @Override
    public void end() {
      current =
          root
              ? new ProductRow(
                  null, null, null, null, 0, 0, null, new Lineage(1, value, "", 1), null)
              : new ProductRow(value, null, null, null, 0, 0, null, null, new Object[0]);
    }
  }

  /** The first fields are the product columns; cells hold the rest. */
  private static final class Row extends Assembler<ProductRow> {
    private final Object[] values;

    Row(int fields) {
      super(fields);
      values = new Object[fields];
      for (int i = 0; i < fields; i++) {
        boolean text =
            i < PRODUCT_COLUMNS
                && TEXT_COLUMNS.contains(ProductWriteSupport.PRODUCT_COLUMNS.get(i));
        converters[i] = new BoxedCellConverter((at, value) -> values[at] = value, i, text);
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
              (String) values[1],
              (String) values[2],
              (String) values[3],
              (Integer) values[4],
              (Integer) values[5],
              (String) values[6],
              new Lineage(
                  (Integer) values[7], (String) values[8], (String) values[9], (Double) values[10]),
              passThrough);
    }
  }
}
