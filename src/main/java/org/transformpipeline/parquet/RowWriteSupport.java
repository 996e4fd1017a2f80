package org.transformpipeline.parquet;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * What varies between the row types {@link StagedParquetWriter} writes: the schema and footer, a
 * check of each row before Parquet sees it, and how a row becomes a record. The Parquet plumbing
 * (both forms of {@code init}, the record consumer) is written once here.
 *
 * <p>Not thread-safe: one per writer.
 *
 * @param <T> the row type
 */
abstract class RowWriteSupport<T> extends WriteSupport<T> {

  private final MessageType schema;
  private final Map<String, String> metadata;
  private RecordConsumer consumer;

  /**
   * @param schema the file's schema
   * @param metadata the footer's key/values
   */
  RowWriteSupport(MessageType schema, Map<String, String> metadata) {
    this.schema = schema;
    // sorted: Map.copyOf's order changes from one JVM to the next, and the footer must not
    this.metadata = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metadata));
  }

  /**
   * Rejects a row that would make an invalid record: Parquet's writer refuses every row after one
   * that failed half-way, so the writer checks first. Accepts every row unless overridden.
   *
   * @throws IllegalArgumentException naming the row and the problem (nothing is written)
   */
  void check(T row) {}

  /** Writes the fields of one row, between the record's start and end. */
  abstract void writeFields(T row);

  /** The schema written. */
  final MessageType schema() {
    return schema;
  }

  /** The record being written. */
  final RecordConsumer consumer() {
    return consumer;
  }

  /** Writes a string field, or nothing when the value is null. */
  final void string(int index, String value) {
    if (value != null) {
      String name = schema.getFieldName(index);
      consumer.startField(name, index);
      consumer.addBinary(Binary.fromString(value));
      consumer.endField(name, index);
    }
  }

  @SuppressWarnings("deprecation") // Parquet still declares this Hadoop form abstract
  @Override
  public final WriteContext init(Configuration configuration) {
    return new WriteContext(schema, metadata);
  }

  @Override
  public final WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(schema, metadata);
  }

  @Override
  public final void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public final void write(T row) {
    consumer.startMessage();
    writeFields(row);
    consumer.endMessage();
  }
}
