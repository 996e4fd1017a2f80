package org.transformpipeline.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.transformpipeline.pipeline.InputRow;
import org.transformpipeline.pipeline.RowBatch;

/** Opening a library at a later row, as a resumed run does. */
class BatchReaderResumeTest {

  private static final int ROWS = 1000;
  private static final MessageType SCHEMA =
      Types.buildMessage()
          .required(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("smiles")
          .required(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("id")
          .required(PrimitiveTypeName.INT32)
          .named("n")
          .named("library");

  @TempDir static Path dir;
  static Path library;
  static List<Long> groupRows = new ArrayList<>();

  /** 1,000 rows in row groups of about 100 (a tiny row-group size, checked every 100 rows). */
  @BeforeAll
  static void libraryOfManyRowGroups() throws IOException {
    library = dir.resolve("groups.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(library))
            .withType(SCHEMA)
            .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
            .withRowGroupSize(1024L)
            .build()) {
      for (int i = 0; i < ROWS; i++) {
        writer.write(
            groups
                .newGroup()
                .append("smiles", "C".repeat(1 + i % 7) + "O")
                .append("id", "id" + i)
                .append("n", i));
      }
    }
    try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(library))) {
      for (BlockMetaData group : footer.getFooter().getBlocks()) {
        groupRows.add(group.getRowCount());
      }
    }
    assertTrue(groupRows.size() >= 5, "row groups: " + groupRows);
  }

  private static List<InputRow> readAll(Path file, long firstRow, int batchSize) {
    List<InputRow> rows = new ArrayList<>();
    try (BatchReader reader =
        BatchReader.open(file, "smiles", IdColumn.byDefault(), batchSize, firstRow)) {
      long expectedIndex = firstRow / batchSize;
      for (RowBatch batch = reader.next(); batch != null; batch = reader.next()) {
        assertEquals(expectedIndex++, batch.index(), "batch indexes go on from the first row");
        rows.addAll(batch.rows());
      }
      assertNull(reader.next());
    }
    return rows;
  }

  @ParameterizedTest(name = "from row {0}")
  @ValueSource(longs = {0, 20, 100, 180, 500, 980, 1000})
  void readsFromTheGivenRowWithTheRowNumbersOfTheWholeFile(long firstRow) {
    List<InputRow> rows = readAll(library, firstRow, 20);

    assertEquals(ROWS - firstRow, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      long n = firstRow + i;
      InputRow row = rows.get(i);
      assertEquals(n, row.rowNumber());
      assertEquals("id" + n, row.id());
      assertEquals("C".repeat(1 + (int) (n % 7)) + "O", row.smiles());
      assertEquals((int) n, row.passThrough()[0]);
    }
  }

  @Test
  void theRowGroupsBeforeTheFirstRowAreNotRead() throws IOException {
    Path broken = Files.copy(library, dir.resolve("broken-first-group.parquet"));
    try (RandomAccessFile file = new RandomAccessFile(broken.toFile(), "rw")) {
      file.seek(4); // the first page header of the first row group, just after PAR1
      file.write(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1});
    }
    long secondGroup = groupRows.get(0);

    assertThrows(InputException.class, () -> readAll(broken, 0, 20));
    List<InputRow> rows = readAll(broken, secondGroup / 20 * 20 + 20, 20);
    assertEquals(ROWS - (secondGroup / 20 * 20 + 20), rows.size());
  }

  @Test
  void aFirstRowThatIsNotABatchBoundaryOrPastTheEndIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> BatchReader.open(library, "smiles", IdColumn.byDefault(), 20, 30));
    InputException e =
        assertThrows(
            InputException.class,
            () -> BatchReader.open(library, "smiles", IdColumn.byDefault(), 20, 1020));
    assertEquals(library + ": cannot start at row 1020, the file has 1000 rows", e.getMessage());
  }
}
