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
    return ParquetRows.open(file, new ProductRowReadSupport());
  }

  /**
   * Only the {@code product_smiles} column of a products file (the other fields of each row are
   * empty): enough to rebuild a dedup state.
   */
  public static ParquetRows<ProductRow> productSmiles(Path file) {
    return ParquetRows.open(file, new ProductRowReadSupport("product_smiles"));
  }

  /**
   * Only the {@code root_id} column of a products file (in each row's lineage; the other fields are
   * empty): enough to count a root's products.
   */
  public static ParquetRows<ProductRow> rootIds(Path file) {
    return ParquetRows.open(file, new ProductRowReadSupport("root_id"));
  }

  /** A rejects file. */
  public static ParquetRows<RejectRow> rejects(Path file) {
    return ParquetRows.open(file, new RejectRowReadSupport());
  }
}
