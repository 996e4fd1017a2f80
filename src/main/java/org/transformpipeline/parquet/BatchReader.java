package org.transformpipeline.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.transformpipeline.pipeline.InputRow;
import org.transformpipeline.pipeline.RowBatch;

/**
 * Reads an input library in batches of consecutive rows, never more than one row group's pages and
 * one batch in memory. Batches are numbered from 0; row numbers are 0-based over the whole file.
 * Not thread-safe: one thread (the pipeline's producer) calls {@link #next()}.
 */
public final class BatchReader implements AutoCloseable {

  private final Path file;
  private final InputSchema schema;
  private final ParquetReader<InputRow> reader;
  private final int batchSize;
  private long nextBatchIndex;
  private long rowsRead;
  private boolean exhausted;
  private boolean closed;

  private BatchReader(
      Path file, InputSchema schema, ParquetReader<InputRow> reader, int batchSize) {
    this.file = file;
    this.schema = schema;
    this.reader = reader;
    this.batchSize = batchSize;
  }

  /**
   * Opens a library and checks its schema.
   *
   * @param input the Parquet file
   * @param smilesColumn the column holding SMILES (a string column)
   * @param idColumn the column holding ids; see {@link IdColumn} for when it may be absent
   * @param batchSize rows per batch, at least 1
   * @throws InputException with a one-line message naming the file (and the column) when the file
   *     is missing, not Parquet, truncated, or lacks a usable SMILES or id column
   */
  public static BatchReader open(
      Path input, String smilesColumn, IdColumn idColumn, int batchSize) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(smilesColumn, "smilesColumn");
    Objects.requireNonNull(idColumn, "idColumn");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
    }
    ParquetFiles.checkReadable(input);
    InputFile inputFile = new LocalInputFile(input);
    MessageType fileSchema;
    long rowCount;
    try (ParquetFileReader footer = ParquetFileReader.open(inputFile)) {
      fileSchema = footer.getFooter().getFileMetaData().getSchema();
      rowCount = footer.getRecordCount();
    } catch (IOException | RuntimeException e) {
      throw ParquetFiles.unreadable(input, e);
    }
    InputSchema schema =
        InputSchema.resolve(input.toString(), fileSchema, smilesColumn, idColumn, rowCount);
    try {
      ParquetReader<InputRow> reader =
          new Builder(inputFile, new InputRowReadSupport(schema)).build();
      return new BatchReader(input, schema, reader, batchSize);
    } catch (IOException | RuntimeException e) {
      throw ParquetFiles.unreadable(input, e);
    }
  }

  /**
   * The next batch of rows, or null when the file is exhausted (at once for an empty file).
   *
   * @throws InputException naming the file and row when the data cannot be decoded
   */
  public RowBatch next() {
    if (closed) {
      throw new IllegalStateException("reader is closed: " + file);
    }
    if (exhausted) {
      return null;
    }
    long remaining = Math.max(0, schema.rowCount() - rowsRead);
    List<InputRow> rows = new ArrayList<>((int) Math.min(batchSize, Math.max(1, remaining)));
    while (rows.size() < batchSize) {
      InputRow row;
      try {
        row = reader.read();
      } catch (IOException | RuntimeException e) {
        throw new InputException(
            file + ": cannot read row " + rowsRead + ": " + ParquetFiles.oneLine(e), e);
      }
      if (row == null) {
        exhausted = true;
        break;
      }
      rows.add(row);
      rowsRead++;
    }
    return rows.isEmpty() ? null : new RowBatch(nextBatchIndex++, List.copyOf(rows));
  }

  /** The resolved schema: SMILES, id and pass-through columns, row count. */
  public InputSchema schema() {
    return schema;
  }

  /** Total rows in the file, from its footer. */
  public long rowCount() {
    return schema.rowCount();
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      reader.close();
    } catch (IOException e) {
      throw new InputException(file + ": cannot close: " + ParquetFiles.oneLine(e), e);
    }
  }

  /** A reader builder for a local file and our read support. */
  private static final class Builder extends ParquetReader.Builder<InputRow> {
    private final ReadSupport<InputRow> readSupport;

    Builder(InputFile file, ReadSupport<InputRow> readSupport) {
      super(file);
      this.readSupport = readSupport;
    }

    @Override
    protected ReadSupport<InputRow> getReadSupport() {
      return readSupport;
    }
  }
}
