package org.transformpipeline.parquet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.transformpipeline.pipeline.BatchSource;
import org.transformpipeline.pipeline.InputRow;
import org.transformpipeline.pipeline.ProductRow;
import org.transformpipeline.pipeline.RowBatch;

/**
 * Reads the products of one generation back, from its committed part files on disk, as the parent
 * rows of the next: each product becomes a row whose id is its product id, whose SMILES is its
 * canonical SMILES, whose lineage is its own and whose pass-through cells are its root's. Rows are
 * numbered from 0 over the generation's parts in order, and batched as {@link BatchReader} batches
 * a library, so a generation's batches do not depend on where its parts were cut. One part file
 * open at a time, one batch in memory: memory does not grow with the generation.
 *
 * <p>Not thread-safe: one thread (the pipeline's reader) calls {@link #next()}.
 */
public final class GenerationReader implements BatchSource {

  private final List<Path> parts;
  private final long rowCount;
  private final int batchSize;
  private int nextPart;
  private ParquetRows<ProductRow> open;
  private long rowNumber;
  private long nextBatchIndex;

  /**
   * @param parts the product part files of the generation, in order
   * @param rowCount the rows in them (the manifest's counts)
   * @param batchSize rows per batch
   * @param firstRow the first row to read, a multiple of {@code batchSize} (a resumed generation)
   */
  public GenerationReader(List<Path> parts, long rowCount, int batchSize, long firstRow) {
    this.parts = List.copyOf(parts);
    this.rowCount = rowCount;
    this.batchSize = batchSize;
    if (batchSize < 1 || firstRow < 0 || firstRow % batchSize != 0) {
      throw new IllegalArgumentException(
          "firstRow " + firstRow + " is not a multiple of the batch size " + batchSize);
    }
    while (rowNumber < firstRow && read() != null) {
      // skip the rows of the batches already written
    }
    this.nextBatchIndex = firstRow / batchSize;
  }

  @Override
  public RowBatch next() {
    List<InputRow> batch = new ArrayList<>((int) Math.min(batchSize, Math.max(1, rowCount)));
    while (batch.size() < batchSize) {
      InputRow row = read();
      if (row == null) {
        break;
      }
      batch.add(row);
    }
    return batch.isEmpty() ? null : new RowBatch(nextBatchIndex++, List.copyOf(batch));
  }

  private InputRow read() {
    while (true) {
      if (open == null) {
        if (nextPart == parts.size()) {
          return null;
        }
        open = OwnFiles.products(parts.get(nextPart++));
      }
      ProductRow product = open.read();
      if (product != null) {
        return new InputRow(
            rowNumber++,
            Objects.requireNonNull(product.productId(), "product_id"),
            product.productSmiles(),
            product.passThrough(),
            product.lineage());
      }
      open.close();
      open = null;
    }
  }

  @Override
  public long rowCount() {
    return rowCount;
  }

  @Override
  public void close() {
    if (open != null) {
      open.close();
      open = null;
    }
  }
}
