package org.transformpipeline.parquet;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transformpipeline.testing.DuckDb.parquet;
import static org.transformpipeline.testing.DuckDb.query;
import static org.transformpipeline.testing.DuckDb.scalar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.pipeline.ProductRow;
import org.transformpipeline.testing.ReadOnlyDirectory;

/** The commit protocol: the target holds either nothing, the old file, or the complete new one. */
class ProductWriterTest {

  /** One optional int64 and one optional 4-byte fixed column passed through. */
  private static final InputSchema SCHEMA =
      new InputSchema(
          "smiles",
          "id",
          List.of(
              Types.optional(INT64).named("mw_x100"),
              Types.optional(FIXED_LEN_BYTE_ARRAY).length(4).named("tag")),
          0);

  @TempDir Path dir;

  private static ProductRow row(int i) {
    return new ProductRow(
        "C" + i, "P" + i, "CC" + i, "methylation", i % 3, new Object[] {(long) i * 100, null});
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(dir::relativize).sorted().toList();
    }
  }

  @Test
  void targetAppearsOnlyAtCommitAndTheTemporaryFileIsAHiddenSibling() throws IOException {
    Path target = dir.resolve("products.parquet");
    try (StagedParquetWriter<ProductRow> writer = ProductWriter.create(target, SCHEMA, false)) {
      for (int i = 0; i < 10; i++) {
        writer.write(row(i));
      }
      assertFalse(Files.exists(target), "no file at the target before commit");
      Path temp = writer.temporaryFile();
      assertEquals(dir, temp.getParent());
      assertTrue(temp.getFileName().toString().matches("\\.products\\.parquet\\.[0-9a-f]+\\.tmp"));
      assertEquals(List.of(dir.relativize(temp)), files());

      writer.commit();

      assertEquals(List.of(Path.of("products.parquet")), files(), "only the target remains");
      assertEquals(10, writer.rowsWritten());
    }
    assertEquals(10L, scalar("SELECT count(*) FROM " + parquet(target)));
    assertEquals(
        List.of("C3", "P3", "CC3", "methylation", 0, 300L),
        query(
                "SELECT product_smiles, parent_id, parent_smiles, transform, site, mw_x100 FROM "
                    + parquet(target)
                    + " WHERE parent_id = 'P3'")
            .get(0));
  }

  @Test
  void abortAndCloseWithoutCommitLeaveNoFiles() throws IOException {
    Path target = dir.resolve("out.parquet");
    try (StagedParquetWriter<ProductRow> writer = ProductWriter.create(target, SCHEMA, false)) {
      writer.write(row(1));
      writer.abort();
      assertEquals(List.of(), files());
    }
    try (StagedParquetWriter<ProductRow> writer = ProductWriter.create(target, SCHEMA, false)) {
      writer.write(row(1));
    }
    assertEquals(List.of(), files(), "close() without commit aborts");
    assertThrows(
        IllegalStateException.class,
        () -> {
          try (StagedParquetWriter<ProductRow> writer =
              ProductWriter.create(target, SCHEMA, false)) {
            writer.write(row(1));
            throw new IllegalStateException("the run failed");
          }
        });
    assertEquals(List.of(), files(), "a failed run leaves nothing");
  }

  @Test
  void refusesAnExistingTargetWithoutOverwrite() throws IOException {
    Path target = Files.writeString(dir.resolve("out.parquet"), "precious");

    OutputException e =
        assertThrows(OutputException.class, () -> ProductWriter.create(target, SCHEMA, false));

    assertTrue(e.getMessage().contains("output file already exists: " + target), e.getMessage());
    assertEquals("precious", Files.readString(target));
    assertEquals(List.of(Path.of("out.parquet")), files());
  }

  @Test
  void overwriteReplacesTheTargetOnlyAtCommit() throws IOException {
    Path target = Files.writeString(dir.resolve("out.parquet"), "old");
    try (StagedParquetWriter<ProductRow> writer = ProductWriter.create(target, SCHEMA, true)) {
      writer.write(row(7));
      assertEquals("old", Files.readString(target));
      writer.commit();
    }
    assertEquals(List.of("P7"), query("SELECT parent_id FROM " + parquet(target)).get(0));
    assertEquals(List.of(Path.of("out.parquet")), files());
  }

  @Test
  void aTargetCreatedDuringTheRunIsNotReplacedWithoutOverwrite() throws IOException {
    Path target = dir.resolve("out.parquet");
    try (StagedParquetWriter<ProductRow> writer = ProductWriter.create(target, SCHEMA, false)) {
      writer.write(row(1));
      Files.writeString(target, "someone else's");

      OutputException e = assertThrows(OutputException.class, writer::commit);

      assertTrue(e.getMessage().contains("appeared while writing"), e.getMessage());
    }
    assertEquals("someone else's", Files.readString(target));
    assertEquals(List.of(Path.of("out.parquet")), files(), "temporary file deleted");
  }

  @Test
  void missingOrUnusableOutputDirectoryFailsAtCreate() throws IOException {
    Path missing = dir.resolve("no/such/dir/out.parquet");
    OutputException e =
        assertThrows(OutputException.class, () -> ProductWriter.create(missing, SCHEMA, false));
    assertEquals("output directory does not exist: " + dir.resolve("no/such/dir"), e.getMessage());

    Path file = Files.writeString(dir.resolve("plain"), "x");
    e =
        assertThrows(
            OutputException.class,
            () -> ProductWriter.create(file.resolve("out.parquet"), SCHEMA, true));
    assertEquals("output directory is not a directory: " + file, e.getMessage());

    e = assertThrows(OutputException.class, () -> ProductWriter.create(dir, SCHEMA, true));
    assertEquals("output path is a directory: " + dir, e.getMessage());
  }

  @Test
  void readOnlyOutputDirectoryFailsAtCreate() throws Exception {
    Path readOnly = Files.createDirectory(dir.resolve("ro"));
    ReadOnlyDirectory ro = ReadOnlyDirectory.of(readOnly);
    try {
      OutputException e =
          assertThrows(
              OutputException.class,
              () -> ProductWriter.create(readOnly.resolve("out.parquet"), SCHEMA, false));
      assertEquals("output directory is not writable: " + readOnly, e.getMessage());
    } finally {
      ro.close();
    }
    try (Stream<Path> left = Files.list(readOnly)) {
      assertEquals(List.of(), left.toList(), "nothing written in " + readOnly);
    }
  }

  @Test
  void aPassThroughColumnNamedLikeAProductColumnIsRefused() throws IOException {
    InputSchema clashing =
        new InputSchema(
            "smiles", null, List.of(Types.optional(BINARY).as(stringType()).named("Site")), 0);

    OutputException e =
        assertThrows(
            OutputException.class,
            () -> ProductWriter.create(dir.resolve("out.parquet"), clashing, false));

    assertEquals(
        "input column 'Site' clashes with output column 'site', which every products file has; rename it in the input (for example DuckDB: COPY (SELECT * RENAME (Site AS input_Site)) ...)",
        e.getMessage());
    assertEquals(List.of(), files());
  }

  @Test
  void aBadRowIsRejectedWholeAndTheFileStaysValid() throws IOException {
    Path target = dir.resolve("out.parquet");
    try (StagedParquetWriter<ProductRow> writer = ProductWriter.create(target, SCHEMA, false)) {
      writer.write(row(1));
      List<ProductRow> bad =
          List.of(
              new ProductRow(null, "P2", "CC", "t", 0, new Object[] {null, null}),
              new ProductRow("C", "P3", "CC", "t", 0, new Object[] {3, null}),
              new ProductRow("C", "P4", "CC", "t", 0, new Object[] {4L, Binary.fromString("abc")}),
              new ProductRow("C", "P5", "CC", "t", 0, new Object[] {5L}));
      List<String> messages =
          bad.stream()
              .map(r -> assertThrows(IllegalArgumentException.class, () -> writer.write(r)))
              .map(Throwable::getMessage)
              .toList();
      writer.write(
          new ProductRow("C", "P6", "CC", "t", 0, new Object[] {6L, Binary.fromString("abcd")}));
      writer.commit();
      assertEquals(2, writer.rowsWritten());
      assertEquals(
          List.of(
              "product of parent 'P2': required column 'product_smiles' is null",
              "product of parent 'P3': column 'mw_x100' (optional int64 mw_x100): expected Long,"
                  + " got Integer",
              "product of parent 'P4': column 'tag' (optional fixed_len_byte_array(4) tag):"
                  + " expected 4 bytes, got 3",
              "product of parent 'P5': 1 pass-through values for 2 columns"),
          messages);
    }
    assertEquals(
        List.of(List.of("P1"), List.of("P6")),
        query("SELECT parent_id FROM " + parquet(target) + " ORDER BY parent_id"));
  }

  @Test
  void rowGroupsAreCappedAtTheRequestedSize() throws IOException {
    Path target = dir.resolve("out.parquet");
    try (StagedParquetWriter<ProductRow> writer =
        ProductWriter.create(target, SCHEMA, false, 64 * 1024, Map.of())) {
      for (int i = 0; i < 20_000; i++) {
        writer.write(row(i));
      }
      writer.commit();
    }
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(target))) {
      assertEquals(20_000, reader.getRecordCount());
      assertTrue(reader.getRowGroups().size() > 1, "row groups: " + reader.getRowGroups().size());
    }
  }
}
