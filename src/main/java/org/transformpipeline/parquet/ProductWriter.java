package org.transformpipeline.parquet;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.parquet.schema.MessageType;
import org.transformpipeline.pipeline.ProductRow;

/**
 * Makes the writer of a products file (a {@link StagedParquetWriter}): message {@code product} with
 * {@code product_smiles}, {@code parent_id}, {@code parent_smiles}, {@code transform} (required
 * strings), {@code site} (required int32), then every pass-through column of the input with its
 * exact Parquet type. ZSTD, row groups capped at {@value
 * StagedParquetWriter#DEFAULT_ROW_GROUP_SIZE} bytes by default.
 *
 * <p>The target path never holds a partial file: rows go to a temporary file in the same directory,
 * published by the writer's commit; abort, or close without commit, deletes it. Each row is checked
 * before it is written ({@link ProductWriteSupport#check}). Stateless.
 */
public final class ProductWriter {

  /** Footer key: the input's SMILES column. */
  public static final String SMILES_COLUMN_KEY = "transform-pipeline.input.smiles-column";

  /** Footer key: the input's id column, or {@code <row number>} when it had none. */
  public static final String ID_COLUMN_KEY = "transform-pipeline.input.id-column";

  /** The SMILES column of a products file. */
  public static final String PRODUCT_SMILES_COLUMN = "product_smiles";

  /** The parent id column of a products file. */
  public static final String PARENT_ID_COLUMN = "parent_id";

  /** The transform name column of a products file. */
  public static final String TRANSFORM_COLUMN = "transform";

  /**
   * The columns every products file starts with, in order (the pass-through columns follow): what
   * another writer of products files (the Spark job) must write to give the same rows.
   */
  public static final List<String> PRODUCT_COLUMNS = ProductWriteSupport.PRODUCT_COLUMNS;

  /** True when a file's footer metadata says this class wrote it (an output of {@code apply}). */
  public static boolean isProductsFile(Map<String, String> footerMetadata) {
    return footerMetadata.containsKey(SMILES_COLUMN_KEY);
  }

  private ProductWriter() {}

  /** {@link #create(Path, InputSchema, boolean, long, Map)} with the default row-group size. */
  public static StagedParquetWriter<ProductRow> create(
      Path target, InputSchema schema, boolean overwrite) {
    return create(target, schema, overwrite, StagedParquetWriter.DEFAULT_ROW_GROUP_SIZE, Map.of());
  }

  /**
   * Checks the target and the output schema and starts writing.
   *
   * @param target the products file to create on commit
   * @param schema the input schema whose pass-through columns are copied
   * @param overwrite whether an existing target may be replaced (on commit)
   * @param rowGroupSize row-group size in bytes; the writer holds one row group in memory
   * @param extraMetadata more footer key/values (e.g. the transforms used); the version and input
   *     column keys written by this class take precedence
   * @throws OutputException with a one-line message when the target exists (and not {@code
   *     overwrite}), its directory is missing or not writable, or a pass-through column's name
   *     clashes with a product column (ignoring case)
   */
  public static StagedParquetWriter<ProductRow> create(
      Path target,
      InputSchema schema,
      boolean overwrite,
      long rowGroupSize,
      Map<String, String> extraMetadata) {
    Objects.requireNonNull(schema, "schema");
    Map<String, String> metadata = new LinkedHashMap<>(extraMetadata);
    metadata.put(ParquetFiles.VERSION_KEY, ParquetFiles.toolVersion());
    metadata.put(SMILES_COLUMN_KEY, schema.smilesColumn());
    metadata.put(ID_COLUMN_KEY, schema.idColumn() == null ? "<row number>" : schema.idColumn());
    ProductWriteSupport writeSupport = new ProductWriteSupport(schema, metadata);
    return StagedParquetWriter.create(
        target, overwrite, writeSupport, rowGroupSize, Set.of(PRODUCT_SMILES_COLUMN));
  }

  /** The output schema {@link #create} would write for this input. */
  public static MessageType outputSchema(InputSchema schema) {
    return ProductWriteSupport.schema(schema);
  }
}
