package org.transformpipeline.parquet;

import org.apache.parquet.schema.MessageType;
import org.transformpipeline.pipeline.InputRow;

/**
 * Reads every column of a flat input file into {@link InputRow}s. Not thread-safe: one per reader
 * (each read makes one stateful materializer).
 */
final class InputRowReadSupport extends RowReadSupport<InputRow> {

  private final InputSchema schema;
  private final long firstRowNumber;

  /**
   * @param firstRowNumber the row number of the first row read (not 0 when the reader starts at a
   *     later row group)
   */
  InputRowReadSupport(InputSchema schema, long firstRowNumber) {
    this.schema = schema;
    this.firstRowNumber = firstRowNumber;
  }

  // All columns are used (SMILES, id, pass-through), so the requested schema is the file's.
  @Override
  Assembler<InputRow> assembler(MessageType requested) {
    return new InputRowAssembler(schema, requested, firstRowNumber);
  }
}
