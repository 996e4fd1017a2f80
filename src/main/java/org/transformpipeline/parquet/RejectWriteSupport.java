package org.transformpipeline.parquet;

import java.util.Map;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.transformpipeline.pipeline.RejectRow;

/**
 * Writes {@link RejectRow}s as message {@code reject}: {@code row_number} (required int64), {@code
 * id} (required string), {@code smiles} (optional string), {@code stage} (required string, e.g.
 * {@code PARSE}), {@code reason} (required string), {@code transform} (optional string: set for a
 * rejected product), {@code generation} (required int32). Not thread-safe.
 */
final class RejectWriteSupport extends RowWriteSupport<RejectRow> {

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
          .required(PrimitiveTypeName.INT32)
          .named("generation")
          .named("reject");

  RejectWriteSupport(Map<String, String> metadata) {
    super(SCHEMA, metadata);
  }

  @Override
  void writeFields(RejectRow row) {
    consumer().startField("row_number", 0);
    consumer().addLong(row.rowNumber());
    consumer().endField("row_number", 0);
    string(1, row.id());
    string(2, row.smiles());
    string(3, row.rejection().stage().name());
    string(4, row.rejection().reason());
    string(5, row.transform());
    consumer().startField("generation", 6);
    consumer().addInteger(row.generation());
    consumer().endField("generation", 6);
  }

  /**
   * Rejects a row that would make an invalid record (Parquet's writer refuses all rows after one
   * fails half-way).
   *
   * @throws IllegalArgumentException naming the row and the missing value
   */
  @Override
  void check(RejectRow row) {
    if (row.id() == null || row.rejection() == null || row.rejection().reason() == null) {
      throw new IllegalArgumentException(
          "reject of row " + row.rowNumber() + ": id, stage and reason are required: " + row);
    }
  }
}
