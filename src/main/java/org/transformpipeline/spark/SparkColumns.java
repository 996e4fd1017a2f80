package org.transformpipeline.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.transformpipeline.parquet.ProductWriter;

/**
 * The Spark schemas of the job: the products (apply's columns, in apply's order, then the input's
 * pass-through columns) and the rejects (apply's rejects columns), each with the internal columns
 * the global dedup and the sort need in front ({@code _hi, _lo}: the 128-bit product key; {@code
 * _row, _seq}: the input order), which are dropped before writing.
 */
final class SparkColumns {

  /** The product key and input-order columns in front of a keyed product row. */
  static final List<String> PRODUCT_KEYS = List.of("_hi", "_lo", "_row", "_seq");

  /** The order column after a keyed reject row's columns. */
  static final String REJECT_SEQ = "_seq";

  private SparkColumns() {}

  /** The product rows as {@link ParentPartition} emits them. */
  static StructType keyedProducts(List<StructField> passThrough) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("_hi", DataTypes.LongType, false));
    fields.add(DataTypes.createStructField("_lo", DataTypes.LongType, false));
    fields.add(DataTypes.createStructField("_row", DataTypes.LongType, false));
    fields.add(DataTypes.createStructField("_seq", DataTypes.IntegerType, false));
    for (String name : ProductWriter.PRODUCT_COLUMNS) {
      fields.add(DataTypes.createStructField(name, productType(name), false));
    }
    fields.addAll(passThrough);
    return DataTypes.createStructType(fields);
  }

  private static org.apache.spark.sql.types.DataType productType(String name) {
    return switch (name) {
      case "site", "fragment", "generation" -> DataTypes.IntegerType;
      case "score" -> DataTypes.DoubleType;
      default -> DataTypes.StringType;
    };
  }

  /** The reject rows as {@link ParentPartition} emits them: apply's columns, then {@code _seq}. */
  static StructType keyedRejects() {
    return DataTypes.createStructType(
        List.of(
            DataTypes.createStructField("row_number", DataTypes.LongType, false),
            DataTypes.createStructField("id", DataTypes.StringType, false),
            DataTypes.createStructField("smiles", DataTypes.StringType, true),
            DataTypes.createStructField("stage", DataTypes.StringType, false),
            DataTypes.createStructField("reason", DataTypes.StringType, false),
            DataTypes.createStructField("transform", DataTypes.StringType, true),
            DataTypes.createStructField("generation", DataTypes.IntegerType, false),
            DataTypes.createStructField(REJECT_SEQ, DataTypes.IntegerType, false)));
  }
}
