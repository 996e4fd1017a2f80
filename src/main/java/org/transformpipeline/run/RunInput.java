package org.transformpipeline.run;

import java.nio.file.Path;
import java.util.Objects;
import org.transformpipeline.parquet.BatchReader;
import org.transformpipeline.parquet.IdColumn;
import org.transformpipeline.parquet.InputSchema;

/**
 * The library a run reads, as {@code --input}, {@code --smiles-column} and {@code --id-column} name
 * it. Immutable.
 *
 * @param file the Parquet library
 * @param smilesColumn the column holding SMILES
 * @param idColumn the column holding the parent ids
 */
public record RunInput(Path file, String smilesColumn, IdColumn idColumn) {

  public RunInput {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(smilesColumn, "smilesColumn");
    Objects.requireNonNull(idColumn, "idColumn");
  }

  /**
   * Opens the library in batches from a row on ({@code 0} for a fresh run).
   *
   * @throws org.transformpipeline.parquet.InputException naming the file or column
   */
  public BatchReader open(int batchSize, long firstRow) {
    return BatchReader.open(file, smilesColumn, idColumn, batchSize, firstRow);
  }

  /** The library's schema, checked as a run needs it (opens and closes the file). */
  public InputSchema schema() {
    try (BatchReader probe = BatchReader.open(file, smilesColumn, idColumn, 1)) {
      return probe.schema();
    }
  }
}
