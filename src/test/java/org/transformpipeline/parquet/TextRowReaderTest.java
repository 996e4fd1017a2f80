package org.transformpipeline.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.testing.DuckDb;

class TextRowReaderTest {

  /** A DuckDB expression, and the text the reader must give for it. */
  private record Cell(String sql, String text) {}

  private static final List<Cell> CELLS =
      List.of(
          new Cell("'CCO'", "CCO"),
          new Cell("'caf\u00e9'", "caf\u00e9"),
          new Cell("42::INTEGER", "42"),
          new Cell("(-5)::BIGINT", "-5"),
          new Cell("200::UTINYINT", "200"),
          new Cell("4000000000::UINTEGER", "4000000000"),
          new Cell("18446744073709551615::UBIGINT", "18446744073709551615"),
          new Cell("0.1::DOUBLE", "0.1"),
          new Cell("1.5::FLOAT", "1.5"),
          new Cell("true", "true"),
          new Cell("DATE '2024-02-29'", "2024-02-29"),
          new Cell("TIMESTAMP '2024-02-29 13:45:01.123456'", "2024-02-29T13:45:01.123456"),
          new Cell("TIME '13:45:01'", "13:45:01"),
          new Cell("12.3456::DECIMAL(18,4)", "12.3456"),
          new Cell("1.5::DECIMAL(4,2)", "1.50"),
          new Cell("(-123.4567890123)::DECIMAL(38,10)", "-123.4567890123"),
          new Cell(
              "UUID '123e4567-e89b-12d3-a456-426614174000'",
              "123e4567-e89b-12d3-a456-426614174000"),
          new Cell("'\\xFF\\x00'::BLOB", "0xff00"),
          new Cell("NULL::VARCHAR", null),
          new Cell("NULL::INTEGER", null));

  @TempDir Path dir;

  private Path typedFile() {
    Path file = dir.resolve("typed.parquet");
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < CELLS.size(); i++) {
      columns.add(CELLS.get(i).sql() + " AS c" + i);
    }
    DuckDb.execute(
        "COPY (SELECT "
            + String.join(", ", columns)
            + " FROM range(3)) TO '"
            + file
            + "' (FORMAT parquet)");
    return file;
  }

  @Test
  void everyCellIsRenderedByItsLogicalType() {
    Path file = typedFile();
    try (TextRowReader reader = TextRowReader.open(file)) {
      assertEquals(3, reader.rowCount());
      assertEquals(CELLS.size(), reader.columns().size());
      String[] row = reader.next();
      for (int i = 0; i < CELLS.size(); i++) {
        assertEquals(
            CELLS.get(i).text(),
            row[i],
            CELLS.get(i).sql() + " (" + InputSchema.describe(reader.types().get(i)) + ")");
      }
      assertTrue(Arrays.equals(row, reader.next()));
      assertTrue(Arrays.equals(row, reader.next()));
      assertNull(reader.next());
    }
  }

  @Test
  void aProjectionReadsOnlyTheNamedColumnsInFileOrder() {
    Path file = typedFile();
    try (TextRowReader reader = TextRowReader.open(file, Set.of("c2", "c0"))) {
      assertEquals(List.of("c0", "c2"), reader.columns());
      assertEquals(List.of("CCO", "42"), Arrays.asList(reader.next()));
    }
  }

  @Test
  void timestampsAdjustedToUtcEndInZ() {
    Path file = dir.resolve("tz.parquet");
    DuckDb.execute(
        "SET TimeZone = 'UTC'",
        "COPY (SELECT TIMESTAMPTZ '2024-02-29 13:45:01+00' AS t) TO '"
            + file
            + "' (FORMAT parquet)");
    try (TextRowReader reader = TextRowReader.open(file)) {
      assertEquals(List.of("2024-02-29T13:45:01Z"), Arrays.asList(reader.next()));
    }
  }

  @Test
  void unknownColumnsAndNonParquetFilesAreNamed() throws IOException {
    Path file = typedFile();
    InputException missing =
        assertThrows(InputException.class, () -> TextRowReader.open(file, Set.of("nope")));
    assertEquals(file + ": no column 'nope'", missing.getMessage());
    Path text = Files.writeString(dir.resolve("x.parquet"), "CCO 1\n");
    InputException notParquet = assertThrows(InputException.class, () -> TextRowReader.open(text));
    assertEquals(
        text + ": not a Parquet file (it does not start with PAR1)", notParquet.getMessage());
  }

  @Test
  void halfPrecisionFloats() {
    assertEquals(1.0f, CellText.float16((short) 0x3c00));
    assertEquals(-2.0f, CellText.float16((short) 0xc000));
    assertEquals(0x1p-24f, CellText.float16((short) 0x0001));
    assertEquals(Float.POSITIVE_INFINITY, CellText.float16((short) 0x7c00));
    assertTrue(Float.isNaN(CellText.float16((short) 0x7e00)));
  }
}
