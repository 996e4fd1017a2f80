package org.transformpipeline.parquet;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.transformpipeline.pipeline.RejectRow;

/**
 * Writes a rejects file ({@code <output>.rejects.parquet}, or a part of one): one row per rejected
 * input row or rejected product, columns as in {@link RejectWriteSupport}. Same commit protocol as
 * {@link ProductWriter}: nothing at the target until {@link #commit()}. Not thread-safe.
 */
public final class RejectWriter implements AutoCloseable {

  /** Row-group size: rejects are few and small, so the writer holds less than for products. */
  static final long ROW_GROUP_SIZE = 8L * 1024 * 1024;

  private final StagedParquetWriter<RejectRow> file;

  private RejectWriter(StagedParquetWriter<RejectRow> file) {
    this.file = file;
  }

  /**
   * Checks the target and starts writing.
   *
   * @throws OutputException when the target exists (and not {@code overwrite}) or its directory is
   *     missing or not writable
   */
  public static RejectWriter create(Path target, boolean overwrite) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(ParquetFiles.VERSION_KEY, ParquetFiles.toolVersion());
    return new RejectWriter(
        StagedParquetWriter.create(
            target, overwrite, new RejectWriteSupport(metadata), ROW_GROUP_SIZE));
  }

  /** The path of a run's rejects file: {@code <output>.rejects.parquet} next to the output. */
  public static Path pathFor(Path output) {
    return output.resolveSibling(output.getFileName() + ".rejects.parquet");
  }

  /**
   * Writes one reject.
   *
   * @throws IllegalArgumentException when the id, stage or reason is missing (nothing written)
   * @throws OutputException when writing fails (then abort)
   */
  public void write(RejectRow row) {
    RejectWriteSupport.check(row);
    file.write(row);
  }

  /** Rows written so far. */
  public long rowsWritten() {
    return file.rowsWritten();
  }

  /** Bytes written and buffered so far (an estimate until the file is finished). */
  public long dataSize() {
    return file.dataSize();
  }

  /** Finishes the file and moves it atomically to the target. */
  public void commit() {
    file.commit();
  }

  /** Discards the file. No-op after commit. */
  public void abort() {
    file.abort();
  }

  @Override
  public void close() {
    file.close();
  }
}
