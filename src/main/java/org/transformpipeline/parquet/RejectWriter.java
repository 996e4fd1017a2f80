package org.transformpipeline.parquet;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.transformpipeline.pipeline.RejectRow;

/**
 * Makes the writer of a rejects file ({@code <output>.rejects.parquet}, or a part of one): one row
 * per rejected input row or rejected product, columns as in {@link RejectWriteSupport}; a {@link
 * StagedParquetWriter}, so nothing is at the target until it commits. Stateless.
 */
public final class RejectWriter {

  /** Row-group size: rejects are few and small, so the writer holds less than for products. */
  static final long ROW_GROUP_SIZE = 8L * 1024 * 1024;

  private RejectWriter() {}

  /**
   * Checks the target and starts writing.
   *
   * @throws OutputException when the target exists (and not {@code overwrite}) or its directory is
   *     missing or not writable
   */
  public static StagedParquetWriter<RejectRow> create(Path target, boolean overwrite) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(ParquetFiles.VERSION_KEY, ParquetFiles.toolVersion());
    return StagedParquetWriter.create(
        target, overwrite, new RejectWriteSupport(metadata), ROW_GROUP_SIZE);
  }

  /** The path of a run's rejects file: {@code <output>.rejects.parquet} next to the output. */
  public static Path pathFor(Path output) {
    return output.resolveSibling(output.getFileName() + ".rejects.parquet");
  }
}
