package org.transformpipeline.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.transformpipeline.text.ErrorText;

/**
 * Writes a Parquet file (ZSTD, capped row groups) so that the target path never holds a partial
 * file ({@link StagedFile}): records go to a hidden temporary file in the target's directory,
 * {@link #commit()} publishes it with an atomic rename, and {@link #abort()} or {@link #close()}
 * without commit deletes it. Not thread-safe: one writer thread.
 *
 * <p>The one checked writer of this tool: each row type brings its {@link RowWriteSupport} (schema,
 * footer, a check of each row, how a row is written); {@link ProductWriter}, {@link RejectWriter}
 * and {@link LibraryWriter} make the writers of theirs.
 *
 * @param <T> the record type of the {@link WriteSupport}
 */
public final class StagedParquetWriter<T> implements AutoCloseable {

  /** Default row-group size: the writer buffers one row group in memory. */
  public static final long DEFAULT_ROW_GROUP_SIZE = 32L * 1024 * 1024;

  private enum State {
    OPEN,
    COMMITTED,
    ABORTED
  }

  private final StagedFile staged;
  private final RowWriteSupport<T> rows;
  private final ParquetWriter<T> writer;
  private long rowsWritten;
  private String failure; // why an earlier write failed: the file can then only be aborted
  private State state = State.OPEN;

  private StagedParquetWriter(StagedFile staged, RowWriteSupport<T> rows, ParquetWriter<T> writer) {
    this.staged = staged;
    this.rows = rows;
    this.writer = writer;
  }

  /**
   * Checks the target and starts writing the temporary file.
   *
   * @param target the file to create on commit
   * @param overwrite whether an existing target may be replaced
   * @param writeSupport the schema, footer metadata and record writing
   * @param rowGroupSize row-group size in bytes (the memory the writer holds)
   * @throws OutputException with a one-line message when the target exists (and not {@code
   *     overwrite}), is a directory, or its directory is missing or not writable
   */
  public static <T> StagedParquetWriter<T> create(
      Path target, boolean overwrite, RowWriteSupport<T> writeSupport, long rowGroupSize) {
    return create(target, overwrite, writeSupport, rowGroupSize, Set.of());
  }

  /**
   * As {@link #create(Path, boolean, WriteSupport, long)}, without dictionary encoding for the
   * named columns: for a column whose values are all distinct (unique product SMILES), a dictionary
   * only costs time before Parquet falls back to plain encoding.
   */
  public static <T> StagedParquetWriter<T> create(
      Path target,
      boolean overwrite,
      RowWriteSupport<T> writeSupport,
      long rowGroupSize,
      Set<String> plainColumns) {
    Objects.requireNonNull(writeSupport, "writeSupport");
    if (rowGroupSize < 1) {
      throw new IllegalArgumentException("rowGroupSize must be positive: " + rowGroupSize);
    }
    StagedFile staged = StagedFile.of(target, overwrite);
    try {
      Builder<T> builder =
          new Builder<>(new LocalOutputFile(staged.temp()), writeSupport)
              .withWriteMode(ParquetFileWriter.Mode.CREATE)
              .withCompressionCodec(CompressionCodecName.ZSTD)
              .withRowGroupSize(rowGroupSize);
      for (String column : plainColumns) {
        builder = builder.withDictionaryEncoding(column, false);
      }
      ParquetWriter<T> writer = builder.build();
      return new StagedParquetWriter<>(staged, writeSupport, writer);
    } catch (IOException | RuntimeException e) {
      staged.discard();
      throw new OutputException(
          "cannot create temporary output file " + staged.temp() + ": " + ErrorText.oneLine(e), e);
    }
  }

  /**
   * Writes one record, once its row type's check passed.
   *
   * @throws IllegalArgumentException when the record would be invalid ({@link
   *     RowWriteSupport#check}): nothing of it is written and the writer stays usable
   * @throws OutputException naming the target when the write fails (the file must then be aborted)
   */
  public void write(T record) {
    requireOpen();
    rows.check(record); // before Parquet sees it: its writer refuses all rows after a failed one
    try {
      writer.write(record);
    } catch (IOException | RuntimeException e) {
      failure = "write failed after " + rowsWritten + " rows: " + ErrorText.oneLine(e);
      throw new OutputException(staged.target() + ": " + failure, e);
    }
    rowsWritten++;
  }

  /** Records written so far. */
  public long rowsWritten() {
    return rowsWritten;
  }

  /** Bytes written so far plus those buffered in the open row group (Parquet's estimate). */
  public long dataSize() {
    return state == State.OPEN ? writer.getDataSize() : 0;
  }

  /** The path the file is published to on commit. */
  public Path target() {
    return staged.target();
  }

  /** The temporary file being written (exists only until commit or abort). */
  Path temporaryFile() {
    return staged.temp();
  }

  /**
   * Finishes the file and publishes it at the target with an atomic rename. Without overwrite, a
   * file that appeared at the target meanwhile is not replaced (an error).
   *
   * @throws OutputException when an earlier write failed, or finishing or publishing fails; the
   *     temporary file is then deleted
   */
  public void commit() {
    requireOpen();
    Path target = staged.target();
    if (failure != null) {
      abort(); // Parquet's writer would silently close a failed file without its footer
      throw new OutputException(target + ": not written, an earlier " + failure);
    }
    state = State.ABORTED; // until published; a failure below leaves nothing behind
    try {
      writer.close();
      if (!ParquetFiles.endsWithMagic(staged.temp())) {
        throw new OutputException(target + ": not written, the Parquet writer left no footer");
      }
    } catch (IOException | RuntimeException e) {
      staged.discard();
      throw e instanceof OutputException oe
          ? oe
          : new OutputException(target + ": cannot finish output: " + ErrorText.oneLine(e), e);
    }
    staged.publish();
    state = State.COMMITTED;
  }

  /** Discards the output: closes and deletes the temporary file. Idempotent; no-op after commit. */
  public void abort() {
    if (state != State.OPEN) {
      return;
    }
    state = State.ABORTED;
    try {
      writer.close();
    } catch (IOException | RuntimeException e) {
      // The file is being discarded; a failure to finish it does not matter.
    }
    staged.discard();
  }

  /** Aborts unless committed. */
  @Override
  public void close() {
    abort();
  }

  private void requireOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          "output already " + state.name().toLowerCase(Locale.ROOT) + ": " + staged.target());
    }
  }

  /** A writer builder for a local file and a given write support. */
  private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
    private final WriteSupport<T> writeSupport;

    Builder(OutputFile file, WriteSupport<T> writeSupport) {
      super(file);
      this.writeSupport = writeSupport;
    }

    @Override
    protected Builder<T> self() {
      return this;
    }

    @SuppressWarnings("deprecation") // Parquet still declares this Hadoop form abstract
    @Override
    protected WriteSupport<T> getWriteSupport(Configuration conf) {
      return writeSupport;
    }

    @Override
    protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
      return writeSupport;
    }
  }
}
