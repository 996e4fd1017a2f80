package org.transformpipeline.parquet;

import static org.apache.parquet.schema.LogicalTypeAnnotation.intType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.transformpipeline.pipeline.InputRow;
import org.transformpipeline.pipeline.RowBatch;

class BatchReaderTest {

  private static final int ROWS = 50;

  @TempDir Path dir;

  @ParameterizedTest(name = "batch size {0}")
  @ValueSource(ints = {1, 7, 1000})
  void readsEveryRowWithItsNumberIdAndPassThroughValues(int batchSize) throws IOException {
    Path file = WideLibrary.write(dir.resolve("wide.parquet"), ROWS);

    List<RowBatch> batches = new ArrayList<>();
    try (BatchReader reader = BatchReader.open(file, "smiles", IdColumn.byDefault(), batchSize)) {
      assertEquals(ROWS, reader.rowCount());
      for (RowBatch batch = reader.next(); batch != null; batch = reader.next()) {
        batches.add(batch);
      }
      assertNull(reader.next(), "stays exhausted");
    }

    int expectedBatches = (ROWS + batchSize - 1) / batchSize;
    assertEquals(expectedBatches, batches.size());
    List<InputRow> rows = new ArrayList<>();
    for (int b = 0; b < batches.size(); b++) {
      assertEquals(b, batches.get(b).index(), "batch indexes are consecutive from 0");
      int expectedSize = b < expectedBatches - 1 ? batchSize : ROWS - b * batchSize;
      assertEquals(expectedSize, batches.get(b).rows().size());
      rows.addAll(batches.get(b).rows());
    }
    for (int i = 0; i < ROWS; i++) {
      Object[] cells = WideLibrary.cells(i);
      InputRow row = rows.get(i);
      assertEquals(i, row.rowNumber());
      assertEquals(cells[0], row.smiles());
      assertEquals(
          cells[1] == null ? Integer.toString(i) : cells[1], row.id(), "null id -> row no");
      assertArrayEquals(WideLibrary.passThrough(i), row.passThrough(), "row " + i);
    }
  }

  @Test
  void schemaListsEveryOtherColumnWithItsExactType() throws IOException {
    Path file = WideLibrary.write(dir.resolve("wide.parquet"), 3);

    try (BatchReader reader = BatchReader.open(file, "smiles", IdColumn.byDefault(), 10)) {
      InputSchema schema = reader.schema();
      assertEquals("smiles", schema.smilesColumn());
      assertEquals("id", schema.idColumn());
      assertEquals(3, schema.rowCount());
      assertEquals(WideLibrary.SCHEMA.getFields().subList(2, 20), schema.passThrough());
    }
  }

  @Test
  void withoutAnIdColumnTheIdIsTheRowNumberAndIdIsNotRequired() throws IOException {
    MessageType schema =
        Types.buildMessage()
            .optional(BINARY)
            .as(stringType())
            .named("SMILES")
            .required(INT32)
            .named("mw")
            .named("library");
    Path file =
        WideLibrary.write(
            dir.resolve("noid.parquet"),
            schema,
            List.of(new Object[] {"CCO", 46}, new Object[] {null, 0}, new Object[] {"C", 16}));

    try (BatchReader reader = BatchReader.open(file, "SMILES", IdColumn.byDefault(), 2)) {
      assertNull(reader.schema().idColumn());
      List<InputRow> rows = new ArrayList<>(reader.next().rows());
      rows.addAll(reader.next().rows());
      assertNull(reader.next());
      assertEquals(List.of("0", "1", "2"), rows.stream().map(InputRow::id).toList());
      assertNull(rows.get(1).smiles(), "a null SMILES cell is passed on as null");
      assertEquals(List.of(46, 0, 16), rows.stream().map(r -> r.passThrough()[0]).toList());
    }
  }

  static Stream<Arguments> idColumnTypes() {
    return Stream.of(
        Arguments.of(Types.required(BINARY).as(stringType()).named("cid"), "A-7", "A-7"),
        Arguments.of(Types.required(BINARY).named("cid"), "raw", "raw"),
        Arguments.of(Types.required(INT32).named("cid"), -42, "-42"),
        Arguments.of(Types.required(INT64).named("cid"), 9_000_000_000L, "9000000000"),
        Arguments.of(
            Types.required(INT64).as(intType(64, false)).named("cid"),
            -1L,
            "18446744073709551615"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("idColumnTypes")
  void idColumnsOfStringAndIntegerTypesAreReadAsText(
      org.apache.parquet.schema.Type idType, Object cell, String expectedId) throws IOException {
    MessageType schema =
        new MessageType("library", Types.required(BINARY).as(stringType()).named("smiles"), idType);
    Path file =
        WideLibrary.write(
            dir.resolve("ids.parquet"), schema, List.<Object[]>of(new Object[] {"C", cell}));

    try (BatchReader reader = BatchReader.open(file, "smiles", IdColumn.explicit("cid"), 10)) {
      InputRow row = reader.next().rows().get(0);
      assertEquals(expectedId, row.id());
      assertEquals(0, row.passThrough().length, "the id column is not passed through");
    }
  }

  @Test
  void anEmptyFileGivesNoBatches() throws IOException {
    Path file = WideLibrary.write(dir.resolve("empty.parquet"), 0);

    try (BatchReader reader = BatchReader.open(file, "smiles", IdColumn.byDefault(), 100)) {
      assertEquals(0, reader.rowCount());
      assertNull(reader.next());
    }
  }
}
