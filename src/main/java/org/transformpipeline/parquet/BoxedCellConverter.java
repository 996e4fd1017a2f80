package org.transformpipeline.parquet;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * Stores each value of a primitive column, boxed as read, into a slot of the record being
 * assembled: Boolean, Integer, Long, Float, Double, or a {@link Binary} that owns its bytes (or,
 * for a text column, a String).
 *
 * <p>Not thread-safe: one per column of one reader.
 */
final class BoxedCellConverter extends PrimitiveConverter {

  /** Where the values go: the current record's cells. */
  @FunctionalInterface
  interface Cells {
    void set(int slot, Object value);
  }

  private final Cells cells;
  private final int slot;
  private final boolean text;

  /**
   * @param cells the record being assembled
   * @param slot this column's slot in it
   * @param text store BINARY values as UTF-8 Strings instead of Binary
   */
  BoxedCellConverter(Cells cells, int slot, boolean text) {
    this.cells = cells;
    this.slot = slot;
    this.text = text;
  }

  @Override
  public void addBinary(Binary value) {
    if (text) {
      cells.set(slot, value.toStringUsingUTF8());
      return;
    }
    // A compact copy that owns its bytes: the reader may reuse its buffer, and a slice would keep
    // the whole decompressed page alive as long as the row lives.
    byte[] bytes = value.getBytes();
    cells.set(
        slot, Binary.fromConstantByteArray(value.isBackingBytesReused() ? bytes.clone() : bytes));
  }

  @Override
  public void addBoolean(boolean value) {
    cells.set(slot, value);
  }

  @Override
  public void addInt(int value) {
    cells.set(slot, value);
  }

  @Override
  public void addLong(long value) {
    cells.set(slot, value);
  }

  @Override
  public void addFloat(float value) {
    cells.set(slot, value);
  }

  @Override
  public void addDouble(double value) {
    cells.set(slot, value);
  }
}
