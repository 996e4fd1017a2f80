package org.transformpipeline.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Streams the rows of any flat Parquet file as text, one row at a time ({@link CellText} renders
 * each cell by its logical type; a null cell is null). Reads all columns or a projection; holds one
 * row group's pages and one row. Not thread-safe.
 */
public final class TextRowReader implements AutoCloseable {

  private final Path file;
  private final MessageType requested;
  private final long rowCount;
  private final ParquetReader<String[]> reader;
  private long rowsRead;

  private TextRowReader(
      Path file, MessageType requested, long rowCount, ParquetReader<String[]> reader) {
    this.file = file;
    this.requested = requested;
    this.rowCount = rowCount;
    this.reader = reader;
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
    try {
      ParquetReader<String[]> reader = new Builder(input, new TextReadSupport(requested)).build();
      return new TextRowReader(file, requested, rowCount, reader);
    } catch (IOException | RuntimeException e) {
      throw ParquetFiles.unreadable(file, e);
    }
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
    try {
      String[] row = reader.read();
      if (row != null) {
        rowsRead++;
      }
      return row;
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          file + ": cannot read row " + rowsRead + ": " + ParquetFiles.oneLine(e), e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new InputException(file + ": cannot close: " + ParquetFiles.oneLine(e), e);
    }
  }

  private static MessageType project(Path file, MessageType schema, Set<String> columns) {
    List<Type> fields = new ArrayList<>();
    for (Type field : schema.getFields()) {
      if (columns == null || columns.contains(field.getName())) {
        if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
          throw new InputException(
              file
                  + ": column '"
                  + field.getName()
                  + "' is nested or repeated ("
                  + InputSchema.describe(field)
                  + "); only flat columns can be read as text");
        }
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

  private static final class TextReadSupport extends ReadSupport<String[]> {
    private final MessageType requested;

    TextReadSupport(MessageType requested) {
      this.requested = requested;
    }

    @Override
    public ReadContext init(InitContext context) {
      return new ReadContext(requested);
    }

    @SuppressWarnings("deprecation") // Parquet still declares this Hadoop form abstract
    @Override
    public RecordMaterializer<String[]> prepareForRead(
        Configuration configuration,
        Map<String, String> keyValueMetaData,
        MessageType fileSchema,
        ReadContext readContext) {
      return new RowMaterializer(readContext.getRequestedSchema());
    }

    @Override
    public RecordMaterializer<String[]> prepareForRead(
        ParquetConfiguration configuration,
        Map<String, String> keyValueMetaData,
        MessageType fileSchema,
        ReadContext readContext) {
      return new RowMaterializer(readContext.getRequestedSchema());
    }
  }

  /** Renders each cell as it arrives into the current row's array. */
  private static final class RowMaterializer extends RecordMaterializer<String[]> {
    private final Converter[] converters;
    private String[] row;
    private final GroupConverter root =
        new GroupConverter() {
          @Override
          public Converter getConverter(int fieldIndex) {
            return converters[fieldIndex];
          }

          @Override
          public void start() {
            row = new String[converters.length];
          }

          @Override
          public void end() {}
        };

    RowMaterializer(MessageType requested) {
      converters = new Converter[requested.getFieldCount()];
      for (int i = 0; i < converters.length; i++) {
        converters[i] = new CellConverter(i, requested.getType(i).asPrimitiveType());
      }
    }

    @Override
    public String[] getCurrentRecord() {
      return row;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }

    private final class CellConverter extends PrimitiveConverter {
      private final int slot;
      private final PrimitiveType type;

      CellConverter(int slot, PrimitiveType type) {
        this.slot = slot;
        this.type = type;
      }

      @Override
      public void addBinary(Binary value) {
        row[slot] = CellText.of(type, value);
      }

      @Override
      public void addBoolean(boolean value) {
        row[slot] = CellText.of(type, value);
      }

      @Override
      public void addInt(int value) {
        row[slot] = CellText.of(type, value);
      }

      @Override
      public void addLong(long value) {
        row[slot] = CellText.of(type, value);
      }

      @Override
      public void addFloat(float value) {
        row[slot] = CellText.of(type, value);
      }

      @Override
      public void addDouble(double value) {
        row[slot] = CellText.of(type, value);
      }
    }
  }

  private static final class Builder extends ParquetReader.Builder<String[]> {
    private final ReadSupport<String[]> readSupport;

    Builder(InputFile file, ReadSupport<String[]> readSupport) {
      super(file);
      this.readSupport = readSupport;
    }

    @Override
    protected ReadSupport<String[]> getReadSupport() {
      return readSupport;
    }
  }
}
