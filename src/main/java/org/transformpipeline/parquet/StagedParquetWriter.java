package org.transformpipeline.parquet;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Writes a Parquet file (ZSTD, capped row groups) so that the target path never holds a partial
 * file: records go to a hidden temporary file in the target's directory ({@code
 * .<name>.<random>.tmp}), {@link #commit()} publishes it with an atomic rename, and {@link
 * #abort()} or {@link #close()} without commit deletes it. Not thread-safe: one writer thread.
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

  private final Path target;
  private final Path temp;
  private final boolean overwrite;
  private final ParquetWriter<T> writer;
  private long rowsWritten;
  private String failure; // why an earlier write failed: the file can then only be aborted
  private State state = State.OPEN;

  private StagedParquetWriter(Path target, Path temp, boolean overwrite, ParquetWriter<T> writer) {
    this.target = target;
    this.temp = temp;
    this.overwrite = overwrite;
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
      Path target, boolean overwrite, WriteSupport<T> writeSupport, long rowGroupSize) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(writeSupport, "writeSupport");
    if (rowGroupSize < 1) {
      throw new IllegalArgumentException("rowGroupSize must be positive: " + rowGroupSize);
    }
    Path absolute = target.toAbsolutePath().normalize();
    checkTarget(target, absolute, overwrite);
    Path temp = absolute.resolveSibling(tempName(absolute));
    try {
      ParquetWriter<T> writer =
          new Builder<>(new LocalOutputFile(temp), writeSupport)
              .withWriteMode(ParquetFileWriter.Mode.CREATE)
              .withCompressionCodec(CompressionCodecName.ZSTD)
              .withRowGroupSize(rowGroupSize)
              .build();
      temp.toFile().deleteOnExit(); // an interrupted run (Ctrl-C) leaves no temporary file
      return new StagedParquetWriter<>(target, temp, overwrite, writer);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      throw new OutputException(
          "cannot create temporary output file " + temp + ": " + ParquetFiles.oneLine(e), e);
    }
  }

  /**
   * Writes one record.
   *
   * @throws OutputException naming the target when the write fails (the file must then be aborted)
   */
  public void write(T record) {
    requireOpen();
    try {
      writer.write(record);
    } catch (IOException | RuntimeException e) {
      failure = "write failed after " + rowsWritten + " rows: " + ParquetFiles.oneLine(e);
      throw new OutputException(target + ": " + failure, e);
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
    return target;
  }

  /** The temporary file being written (exists only until commit or abort). */
  Path temporaryFile() {
    return temp;
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
    if (failure != null) {
      abort(); // Parquet's writer would silently close a failed file without its footer
      throw new OutputException(target + ": not written, an earlier " + failure);
    }
    state = State.ABORTED; // until published; a failure below leaves nothing behind
    try {
      writer.close();
      if (!ParquetFiles.endsWithMagic(temp)) {
        throw new OutputException(target + ": not written, the Parquet writer left no footer");
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true); // the data is on disk before the name points at it
      }
      publish();
      state = State.COMMITTED;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      throw e instanceof OutputException oe
          ? oe
          : new OutputException(target + ": cannot finish output: " + ParquetFiles.oneLine(e), e);
    }
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
    deleteQuietly(temp);
  }

  /** Aborts unless committed. */
  @Override
  public void close() {
    abort();
  }

  private void publish() throws IOException {
    if (overwrite) {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    // rename(2) silently replaces an existing file; a hard link does not, and is just as atomic.
    try {
      Files.createLink(target, temp);
      deleteQuietly(temp);
      return;
    } catch (FileAlreadyExistsException e) {
      throw appeared();
    } catch (UnsupportedOperationException | IOException e) {
      // The file system has no hard links: check, then rename (a small window remains).
    }
    if (Files.exists(target)) {
      throw appeared();
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new OutputException(target + ": the file system cannot rename atomically", e);
    }
  }

  private OutputException appeared() {
    return new OutputException(
        "output file appeared while writing, not replaced: " + target + " (use --overwrite)");
  }

  private void requireOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          "output already " + state.name().toLowerCase(Locale.ROOT) + ": " + target);
    }
  }

  private static void checkTarget(Path target, Path absolute, boolean overwrite) {
    if (Files.isDirectory(absolute)) {
      throw new OutputException("output path is a directory: " + target);
    }
    if (!overwrite && Files.exists(absolute)) {
      throw new OutputException("output file already exists: " + target + " (use --overwrite)");
    }
    Path dir = absolute.getParent();
    if (!Files.exists(dir)) {
      throw new OutputException("output directory does not exist: " + dir);
    }
    if (!Files.isDirectory(dir)) {
      throw new OutputException("output directory is not a directory: " + dir);
    }
    if (!Files.isWritable(dir)) {
      throw new OutputException("output directory is not writable: " + dir);
    }
  }

  private static String tempName(Path target) {
    byte[] random = new byte[6];
    ThreadLocalRandom.current().nextBytes(random);
    return "." + target.getFileName() + "." + HexFormat.of().formatHex(random) + ".tmp";
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // deleteOnExit retries at shutdown
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
