package org.transformpipeline.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.transformpipeline.testing.DuckDb.parquet;
import static org.transformpipeline.testing.DuckDb.scalar;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.pipeline.InputRow;
import org.transformpipeline.pipeline.ProductRow;
import org.transformpipeline.pipeline.RowBatch;
import org.transformpipeline.testing.DuckDb;

/**
 * Library -> BatchReader -> ProductRows -> ProductWriter, read back with DuckDB: every pass-through
 * value, null and column type survives.
 */
class ProductRoundTripTest {

  private static final int ROWS = 50;
  private static final int SITES = 2;

  @TempDir Path dir;
  private Path input;
  private Path output;
  private InputSchema schema;

  @BeforeEach
  void writeProducts() throws IOException {
    input = WideLibrary.write(dir.resolve("library.parquet"), ROWS);
    output = dir.resolve("products.parquet");
    try (BatchReader reader = BatchReader.open(input, "smiles", IdColumn.byDefault(), 7)) {
      schema = reader.schema();
      try (StagedParquetWriter<ProductRow> writer =
          ProductWriter.create(output, schema, false, 1 << 20, Map.of("run.note", "test"))) {
        for (RowBatch batch = reader.next(); batch != null; batch = reader.next()) {
          for (InputRow row : batch.rows()) {
            for (int site = 0; site < SITES; site++) {
              writer.write(
                  new ProductRow(
                      row.smiles() + ".[Na+]",
                      row.id(),
                      row.smiles(),
                      "t" + site,
                      site * 3,
                      row.passThrough()));
            }
          }
        }
        writer.commit();
        assertEquals(ROWS * SITES, writer.rowsWritten());
      }
    }
  }

  @Test
  void duckDbSeesEveryProductWithItsParentsValues() {
    assertEquals((long) ROWS * SITES, scalar("SELECT count(*) FROM " + parquet(output)));
    String joined =
        " FROM "
            + parquet(output)
            + " o JOIN read_parquet('"
            + input
            + "', file_row_number = true) i"
            + " ON o.parent_id = coalesce(i.id, CAST(i.file_row_number AS VARCHAR))";
    assertEquals((long) ROWS * SITES, scalar("SELECT count(*)" + joined), "every parent found");
    assertEquals(
        0L,
        scalar(
            "SELECT count(*)"
                + joined
                + " WHERE o.parent_smiles <> i.smiles OR o.product_smiles <> i.smiles ||"
                + " '.[Na+]'"));
    for (String column : schema.passThroughNames()) {
      assertEquals(
          0L,
          scalar(
              "SELECT count(*)" + joined + " WHERE o." + column + " IS DISTINCT FROM i." + column),
          column);
    }
  }

  @Test
  void nullsArePassedThroughAsNulls() {
    for (int c = 0; c < schema.passThrough().size(); c++) {
      Type type = schema.passThrough().get(c);
      int nulls = 0;
      for (int i = 0; i < ROWS; i++) {
        nulls += WideLibrary.passThrough(i)[c] == null ? 1 : 0;
      }
      assertEquals(type.isRepetition(Type.Repetition.OPTIONAL), nulls > 0, type.getName());
      assertEquals(
          (long) nulls * SITES,
          scalar(
              "SELECT count(*) FROM " + parquet(output) + " WHERE " + type.getName() + " IS NULL"),
          type.getName());
    }
  }

  @Test
  void duckDbColumnTypesMatchTheInputs() {
    Map<String, String> in = DuckDb.columnTypes(input);
    Map<String, String> out = DuckDb.columnTypes(output);
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("product_smiles", "VARCHAR");
    expected.put("parent_id", "VARCHAR");
    expected.put("parent_smiles", "VARCHAR");
    expected.put("transform", "VARCHAR");
    expected.put("site", "INTEGER");
    expected.put("fragment", "INTEGER");
    expected.put("product_id", "VARCHAR");
    expected.put("generation", "INTEGER");
    expected.put("root_id", "VARCHAR");
    expected.put("pathway", "VARCHAR");
    expected.put("score", "DOUBLE");
    for (String column : schema.passThroughNames()) {
      expected.put(column, in.get(column));
    }
    assertEquals(expected, out);
    // and they are the types the annotations mean, not a fallback to the physical type
    assertEquals("DECIMAL(18,4)", out.get("dec_int64"));
    assertEquals("DECIMAL(30,5)", out.get("dec_fixed"));
    assertEquals("DATE", out.get("day"));
    assertEquals("TIMESTAMP WITH TIME ZONE", out.get("ts_utc"));
    assertEquals("TIMESTAMP", out.get("ts_local"));
    assertEquals("UUID", out.get("uuid"));
    assertEquals("TINYINT", out.get("tiny"));
    assertEquals("UINTEGER", out.get("u32"));
    assertEquals("BLOB", out.get("blob"));
  }

  @Test
  void valuesReadBackAsWritten() {
    List<Object> row =
        DuckDb.query(
                "SELECT n_int32, n_int64, n_float, flag, name, dec_int32, dec_int64, day,"
                    + " ts_local, u32, t_micros, site, transform FROM "
                    + parquet(output)
                    + " WHERE parent_id = 'ID1001' ORDER BY site")
            .get(1);
    List<Object> expected = new ArrayList<>();
    expected.add(Integer.MAX_VALUE);
    expected.add(10_000_000_000L);
    expected.add(null); // n_float is null when i % 4 == 1
    expected.add(false);
    expected.add("mol-1-\u00e9");
    expected.add(new BigDecimal("1.23"));
    expected.add(new BigDecimal("99.5003"));
    expected.add(LocalDate.ofEpochDay(19001));
    expected.add(LocalDateTime.of(2020, 9, 13, 12, 27, 40));
    expected.add(3_000_000_001L);
    expected.add(LocalTime.of(1, 0));
    expected.add(3);
    expected.add("t1");
    assertEquals(expected, normalise(row));
  }

  @Test
  void parquetSchemaKeepsTheExactInputTypesAndFooterHasTheVersion() throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(output))) {
      ParquetMetadata footer = reader.getFooter();
      assertEquals(ProductWriter.outputSchema(schema), footer.getFileMetaData().getSchema());
      List<Type> fields = footer.getFileMetaData().getSchema().getFields();
      assertEquals(schema.passThrough(), fields.subList(11, fields.size()));
      Map<String, String> kv = footer.getFileMetaData().getKeyValueMetaData();
      assertEquals(ParquetFiles.toolVersion(), kv.get(ParquetFiles.VERSION_KEY));
      assertEquals("smiles", kv.get(ProductWriter.SMILES_COLUMN_KEY));
      assertEquals("id", kv.get(ProductWriter.ID_COLUMN_KEY));
      assertEquals("test", kv.get("run.note"));
      for (BlockMetaData block : footer.getBlocks()) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
          assertEquals(CompressionCodecName.ZSTD, chunk.getCodec());
        }
      }
    }
  }

  /** JDBC gives some types as driver classes; turn them into plain Java values. */
  private static List<Object> normalise(List<Object> row) {
    List<Object> values = new ArrayList<>();
    for (Object value : row) {
      if (value instanceof java.sql.Date d) {
        values.add(d.toLocalDate());
      } else if (value instanceof java.sql.Timestamp t) {
        values.add(t.toLocalDateTime());
      } else if (value instanceof java.sql.Time t) {
        values.add(t.toLocalTime());
      } else {
        values.add(value);
      }
    }
    return values;
  }
}
