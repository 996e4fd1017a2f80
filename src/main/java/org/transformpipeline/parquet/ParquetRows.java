package org.transformpipeline.parquet;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.transformpipeline.text.ErrorText;

/**
 * Reads the rows of a Parquet file one at a time, whatever their type: the type's {@link
 * RowReadSupport} says which columns and how they make a row; this class opens the file, reads, and
 * turns every failure into an {@link InputException} naming the file (and the row). The one Parquet
 * row reader: the input batches ({@link BatchReader}), the text rows ({@link TextRowReader}) and
 * this tool's own files ({@link OwnFiles}) all read through it. Not thread-safe.
 *
 * @param <T> the row type
 */
public final class ParquetRows<T> implements AutoCloseable {

  private final Path file;
  private final ParquetReader<T> reader;
  private long rowNumber;

  private ParquetRows(Path file, ParquetReader<T> reader, long firstRowNumber) {
    this.file = file;
    this.reader = reader;
    this.rowNumber = firstRowNumber;
  }

  /** Opens a file to read every row. */
  static <T> ParquetRows<T> open(Path file, RowReadSupport<T> rows) {
    return open(file, rows, 0, 0);
  }

  /**
   * Opens a file to read the row groups whose midpoint is at or past a byte offset.
   *
   * @param rangeStart the byte offset (0: every row group)
   * @param firstRowNumber the number of the first row read, for messages
   * @throws InputException naming the file when it cannot be opened
   */
  static <T> ParquetRows<T> open(
      Path file, RowReadSupport<T> rows, long rangeStart, long firstRowNumber) {
    try {
      Builder<T> builder = new Builder<>(new LocalInputFile(file), rows);
      if (rangeStart > 0) {
        builder.withFileRange(rangeStart, Long.MAX_VALUE);
      }
      return new ParquetRows<>(file, builder.build(), firstRowNumber);
    } catch (IOException | RuntimeException e) {
      throw ParquetFiles.unreadable(file, e);
    }
  }

  /**
   * The next row, or null after the last.
   *
   * @throws InputException naming the file and the row when it cannot be decoded
   */
  public T read() {
    try {
      T row = reader.read();
      if (row != null) {
        rowNumber++;
      }
      return row;
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          file + ": cannot read row " + rowNumber + ": " + ErrorText.oneLine(e), e);
    }
  }

  /** The number of the next row to read. */
  public long rowNumber() {
    return rowNumber;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new InputException(file + ": cannot close: " + ErrorText.oneLine(e), e);
    }
  }

  private static final class Builder<T> extends ParquetReader.Builder<T> {
    private final ReadSupport<T> readSupport;

    Builder(InputFile file, ReadSupport<T> readSupport) {
      super(file);
      this.readSupport = readSupport;
    }

    @Override
    protected ReadSupport<T> getReadSupport() {
      return readSupport;
    }
  }
}
