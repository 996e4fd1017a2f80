package org.transformpipeline.parquet;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.transformpipeline.pipeline.RejectRow;

/**
 * Writes {@link RejectRow}s as message {@code reject}: {@code row_number} (required int64), {@code
 * id} (required string), {@code smiles} (optional string), {@code stage} (required string, e.g.
 * {@code PARSE}), {@code reason} (required string), {@code transform} (optional string: set for a
 * rejected product). Not thread-safe.
 */
final class RejectWriteSupport extends WriteSupport<RejectRow> {

  /** The rejects schema. */
  static final MessageType SCHEMA =
      Types.buildMessage()
          .required(PrimitiveTypeName.INT64)
          .named("row_number")
          .required(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("id")
          .optional(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("smiles")
          .required(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("stage")
          .required(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("reason")
          .optional(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("transform")
          .named("reject");

  private final Map<String, String> metadata;
  private RecordConsumer consumer;

  RejectWriteSupport(Map<String, String> metadata) {
    this.metadata = Map.copyOf(metadata);
  }

  @SuppressWarnings("deprecation") // Parquet still declares this Hadoop form abstract
  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(SCHEMA, metadata);
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(SCHEMA, metadata);
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(RejectRow row) {
    consumer.startMessage();
    consumer.startField("row_number", 0);
    consumer.addLong(row.rowNumber());
    consumer.endField("row_number", 0);
    string(1, "id", row.id());
    string(2, "smiles", row.smiles());
    string(3, "stage", row.rejection().stage().name());
    string(4, "reason", row.rejection().reason());
    string(5, "transform", row.transform());
    consumer.endMessage();
  }

  private void string(int index, String name, String value) {
    if (value != null) {
      consumer.startField(name, index);
      consumer.addBinary(Binary.fromString(value));
      consumer.endField(name, index);
    }
  }

  /**
   * Rejects a row that would make an invalid record (Parquet's writer refuses all rows after one
   * fails half-way).
   *
   * @throws IllegalArgumentException naming the row and the missing value
   */
  static void check(RejectRow row) {
    if (row.id() == null || row.rejection() == null || row.rejection().reason() == null) {
      throw new IllegalArgumentException(
          "reject of row " + row.rowNumber() + ": id, stage and reason are required: " + row);
    }
  }
}
