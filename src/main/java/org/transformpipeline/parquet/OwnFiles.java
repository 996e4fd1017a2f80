package org.transformpipeline.parquet;

import java.nio.file.Path;
import org.transformpipeline.pipeline.ProductRow;
import org.transformpipeline.pipeline.RejectRow;

/**
 * Reads back the files this tool wrote: a products file (or part) as {@link ProductRow}s, its
 * product SMILES alone, or a rejects file as {@link RejectRow}s. Used to join the parts of a run
 * into its final files and to rebuild the dedup state of a resumed run. Stateless.
 */
public final class OwnFiles {

  private OwnFiles() {}

  /** Every column of a products file, pass-through cells boxed as the input reader boxes them. */
  public static ParquetRows<ProductRow> products(Path file) {
    return ParquetRows.open(file, new ProductRowReadSupport(false));
  }

  /**
   * Only the {@code product_smiles} column of a products file (the other fields of each row are
   * empty): enough to rebuild a dedup state.
   */
  public static ParquetRows<ProductRow> productSmiles(Path file) {
    return ParquetRows.open(file, new ProductRowReadSupport(true));
  }

  /** A rejects file. */
  public static ParquetRows<RejectRow> rejects(Path file) {
    return ParquetRows.open(file, new RejectRowReadSupport());
  }
}
