package org.transformpipeline.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.transformpipeline.pipeline.BatchSource;
import org.transformpipeline.pipeline.InputRow;
import org.transformpipeline.pipeline.RowBatch;

/**
 * Reads an input library in batches of consecutive rows, never more than one row group's pages and
 * one batch in memory. Batches are numbered from 0; row numbers are 0-based over the whole file.
 * Not thread-safe: one thread (the pipeline's producer) calls {@link #next()}.
 */
public final class BatchReader implements BatchSource {

  private final Path file;
  private final InputSchema schema;
  private final ParquetRows<InputRow> rows;
  private final int batchSize;
  private long nextBatchIndex;
  private boolean exhausted;
  private boolean closed;

  private BatchReader(Path file, InputSchema schema, ParquetRows<InputRow> rows, int batchSize) {
    this.file = file;
    this.schema = schema;
    this.rows = rows;
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
    return open(input, smilesColumn, idColumn, batchSize, 0);
  }

  /**
   * Opens a library to read from a given row on (a resumed run): the row groups before it are not
   * read at all, the rows before it in its row group are decoded and dropped. The first batch
   * returned has index {@code firstRow / batchSize} and its first row has row number {@code
   * firstRow}.
   *
   * @param firstRow a multiple of {@code batchSize}, at most the file's row count
   * @throws InputException as {@link #open(Path, String, IdColumn, int)}, or naming the row when
   *     the rows before it cannot be decoded
   */
  public static BatchReader open(
      Path input, String smilesColumn, IdColumn idColumn, int batchSize, long firstRow) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(smilesColumn, "smilesColumn");
    Objects.requireNonNull(idColumn, "idColumn");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
    }
    if (firstRow < 0 || firstRow % batchSize != 0) {
      throw new IllegalArgumentException(
          "firstRow must be a multiple of the batch size " + batchSize + ": " + firstRow);
    }
    ParquetFiles.checkReadable(input);
    InputFile inputFile = new LocalInputFile(input);
    MessageType fileSchema;
    long rowCount;
    long groupStartRow = 0;
    long rangeStart = 0;
    try (ParquetFileReader footer = ParquetFileReader.open(inputFile)) {
      fileSchema = footer.getFooter().getFileMetaData().getSchema();
      rowCount = footer.getRecordCount();
      for (BlockMetaData group : footer.getFooter().getBlocks()) {
        if (groupStartRow + group.getRowCount() > firstRow) {
          rangeStart = group.getStartingPos();
          break;
        }
        groupStartRow += group.getRowCount();
        rangeStart = Long.MAX_VALUE; // past every row group so far
      }
    } catch (IOException | RuntimeException e) {
      throw ParquetFiles.unreadable(input, e);
    }
    InputSchema schema =
        InputSchema.resolve(input.toString(), fileSchema, smilesColumn, idColumn, rowCount);
    if (firstRow > rowCount) {
      throw new InputException(
          input + ": cannot start at row " + firstRow + ", the file has " + rowCount + " rows");
    }
    // row groups are kept when their midpoint is in the range: every one from rangeStart on
    BatchReader reader =
        new BatchReader(
            input,
            schema,
            ParquetRows.open(
                input, new InputRowReadSupport(schema, groupStartRow), rangeStart, groupStartRow),
            batchSize);
    reader.skipTo(firstRow);
    return reader;
  }

  /** Drops the rows from the next to be read up to {@code firstRow}. */
  private void skipTo(long firstRow) {
    while (rows.rowNumber() < firstRow) {
      InputRow row;
      try {
        row = rows.read();
      } catch (InputException e) {
        close();
        throw e;
      }
      if (row == null) {
        close();
        throw new InputException(
            file + ": ended at row " + rows.rowNumber() + " before row " + firstRow);
      }
    }
    nextBatchIndex = firstRow / batchSize;
    exhausted = firstRow == schema.rowCount();
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
    long remaining = Math.max(0, schema.rowCount() - rows.rowNumber());
    List<InputRow> batch = new ArrayList<>((int) Math.min(batchSize, Math.max(1, remaining)));
    while (batch.size() < batchSize) {
      InputRow row = rows.read();
      if (row == null) {
        exhausted = true;
        break;
      }
      batch.add(row);
    }
    return batch.isEmpty() ? null : new RowBatch(nextBatchIndex++, List.copyOf(batch));
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
    rows.close();
  }
}
