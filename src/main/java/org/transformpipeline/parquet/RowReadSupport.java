package org.transformpipeline.parquet;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/**
 * What varies between the row types {@link ParquetRows} reads: the columns to read of a file, and
 * how the values of one record become a row ({@link Assembler}). The Parquet plumbing around them
 * (both forms of {@code prepareForRead}, the record materializer) is written once here.
 *
 * <p>Not thread-safe: one per reader (each read makes one stateful assembler).
 *
 * @param <T> the row type
 */
abstract class RowReadSupport<T> extends ReadSupport<T> {

  /**
   * Receives the values of one record (Parquet calls {@link #start()}, the column converters, then
   * {@link #end()}) and holds the row they make.
   */
  abstract static class Assembler<T> extends GroupConverter {
    /** One converter per column read, in order: filled by the subclass's constructor. */
    final Converter[] converters;

    /** The row made at the last {@link #end()}. */
    T current;

    Assembler(int columns) {
      this.converters = new Converter[columns];
    }

    @Override
    public final Converter getConverter(int fieldIndex) {
      return converters[fieldIndex];
    }
  }

  /**
   * The columns to read: the file's by default.
   *
   * @throws IllegalStateException when the file is not of this row type
   */
  MessageType requested(MessageType fileSchema) {
    return fileSchema;
  }

  /** The assembler of rows read with these columns, in this order. */
  abstract Assembler<T> assembler(MessageType requested);

  @Override
  public final ReadContext init(InitContext context) {
    return new ReadContext(requested(context.getFileSchema()));
  }

  @SuppressWarnings("deprecation") // Parquet still declares this Hadoop form abstract
  @Override
  public final RecordMaterializer<T> prepareForRead(
      Configuration configuration,
      Map<String, String> keyValueMetaData,
      MessageType fileSchema,
      ReadContext readContext) {
    return materializer(readContext.getRequestedSchema());
  }

  @Override
  public final RecordMaterializer<T> prepareForRead(
      ParquetConfiguration configuration,
      Map<String, String> keyValueMetaData,
      MessageType fileSchema,
      ReadContext readContext) {
    return materializer(readContext.getRequestedSchema());
  }

  private RecordMaterializer<T> materializer(MessageType requested) {
    Assembler<T> assembler = assembler(requested);
    return new RecordMaterializer<T>() {
      @Override
      public T getCurrentRecord() {
        return assembler.current;
      }

      @Override
      public GroupConverter getRootConverter() {
        return assembler;
      }
    };
  }
}
