package org.transformpipeline.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Streams the rows of any flat Parquet file as text, one row at a time ({@link CellText} renders
 * each cell by its logical type; a null cell is null). Reads all columns or a projection; holds one
 * row group's pages and one row. Not thread-safe.
 */
public final class TextRowReader implements AutoCloseable {

  private final MessageType requested;
  private final long rowCount;
  private final ParquetRows<String[]> rows;

  private TextRowReader(MessageType requested, long rowCount, ParquetRows<String[]> rows) {
    this.requested = requested;
    this.rowCount = rowCount;
    this.rows = rows;
  }

  /** Opens a file to read all its columns. */
  public static TextRowReader open(Path file) {
    return open(file, null);
  }

  /**
   * Opens a file to read some of its columns.
   *
   * @param columns the columns to read (they come back in file order), or null for all
   * @throws InputException naming the file when it is missing, not Parquet, truncated, has a nested
   *     or repeated column among those read, or lacks a named column
   */
  public static TextRowReader open(Path file, Set<String> columns) {
    Objects.requireNonNull(file, "file");
    ParquetFiles.checkReadable(file);
    InputFile input = new LocalInputFile(file);
    MessageType fileSchema;
    long rowCount;
    try (ParquetFileReader footer = ParquetFileReader.open(input)) {
      fileSchema = footer.getFooter().getFileMetaData().getSchema();
      rowCount = footer.getRecordCount();
    } catch (IOException | RuntimeException e) {
      throw ParquetFiles.unreadable(file, e);
    }
    MessageType requested = project(file, fileSchema, columns);
    return new TextRowReader(
        requested, rowCount, ParquetRows.open(file, new TextReadSupport(requested)));
  }

  /** True when every column is a flat (not nested, not repeated) primitive column. */
  public static boolean isFlat(MessageType schema) {
    return schema.getFields().stream()
        .allMatch(f -> f.isPrimitive() && !f.isRepetition(Type.Repetition.REPEATED));
  }

  /** The names of the columns read, in file order. */
  public List<String> columns() {
    return requested.getFields().stream().map(Type::getName).toList();
  }

  /** The types of the columns read, in file order. */
  public List<PrimitiveType> types() {
    return requested.getFields().stream().map(Type::asPrimitiveType).toList();
  }

  /** Rows in the file, from its footer. */
  public long rowCount() {
    return rowCount;
  }

  /**
   * The next row's cells in {@link #columns()} order, or null after the last row.
   *
   * @throws InputException naming the file and the 0-based row when the data cannot be decoded
   */
  public String[] next() {
    return rows.read();
  }

  @Override
  public void close() {
    rows.close();
  }

  private static MessageType project(Path file, MessageType schema, Set<String> columns) {
    List<Type> fields = new ArrayList<>();
    for (Type field : schema.getFields()) {
      if (columns == null || columns.contains(field.getName())) {
        InputSchema.requireFlat(file.toString(), field, "only flat columns can be read as text");
        fields.add(field);
      }
    }
    if (columns != null) {
      for (String name : columns) {
        if (!schema.containsField(name)) {
          throw new InputException(file + ": no column '" + name + "'");
        }
      }
    }
    return new MessageType(schema.getName(), fields);
  }
}
