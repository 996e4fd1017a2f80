package org.transformpipeline.parquet;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.transformpipeline.pipeline.InputRow;

/**
 * Reads every column of a flat input file into {@link InputRow}s. Not thread-safe: one per reader
 * (each read makes one stateful materializer).
 */
final class InputRowReadSupport extends ReadSupport<InputRow> {

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

  @Override
  public ReadContext init(InitContext context) {
    // All columns are used (SMILES, id, pass-through), so the requested schema is the file's.
    return new ReadContext(context.getFileSchema());
  }

  @SuppressWarnings("deprecation") // Parquet still declares this Hadoop form abstract
  @Override
  public RecordMaterializer<InputRow> prepareForRead(
      Configuration configuration,
      Map<String, String> keyValueMetaData,
      MessageType fileSchema,
      ReadContext readContext) {
    return new InputRowMaterializer(schema, readContext.getRequestedSchema(), firstRowNumber);
  }

  @Override
  public RecordMaterializer<InputRow> prepareForRead(
      ParquetConfiguration configuration,
      Map<String, String> keyValueMetaData,
      MessageType fileSchema,
      ReadContext readContext) {
    return new InputRowMaterializer(schema, readContext.getRequestedSchema(), firstRowNumber);
  }
}
