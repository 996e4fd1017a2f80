package org.transformpipeline.parquet;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Reads some flat columns of a file as text rows: each cell rendered by {@link CellText} as it
 * arrives, null for a null cell. Not thread-safe: one per reader.
 */
final class TextReadSupport extends RowReadSupport<String[]> {

  private final MessageType requested;

  /**
   * @param requested the (flat) columns to read, a projection of the file's
   */
  TextReadSupport(MessageType requested) {
    this.requested = requested;
  }

  @Override
  MessageType requested(MessageType fileSchema) {
    return requested;
  }

  @Override
  Assembler<String[]> assembler(MessageType columns) {
    return new Row(columns);
  }

  private static final class Row extends Assembler<String[]> {
    Row(MessageType columns) {
      super(columns.getFieldCount());
      PrimitiveType[] types = new PrimitiveType[converters.length];
      for (int i = 0; i < converters.length; i++) {
        types[i] = columns.getType(i).asPrimitiveType();
        converters[i] =
            new BoxedCellConverter(
                (at, value) -> current[at] = CellText.of(types[at], value), i, false);
      }
    }

    @Override
    public void start() {
      current = new String[converters.length];
    }

    @Override
    public void end() {}
  }
}
