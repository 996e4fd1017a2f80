package org.transformpipeline.parquet;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedParquetWriterTest {

  @TempDir Path dir;

  /** One string column; the record "poison" fails half-way through, as a buggy writer would. */
  /** One string column; the word "poison" fails half-way through its record. */
  private static final class Words extends RowWriteSupport<String> {
    Words() {
      super(
          Types.buildMessage().required(BINARY).as(stringType()).named("word").named("words"),
          Map.of());
    }

    @Override
    void writeFields(String word) {
      if (word.equals("poison")) {
        throw new IllegalStateException("bad record");
      }
      string(0, word);
    }
  }

  @Test
  void afterAFailedWriteCommitRefusesAndLeavesNothing() throws IOException {
    Path target = dir.resolve("words.parquet");
    try (StagedParquetWriter<String> writer =
        StagedParquetWriter.create(target, false, new Words(), 1 << 20)) {
      writer.write("alpha");
      OutputException failed = assertThrows(OutputException.class, () -> writer.write("poison"));
      assertTrue(failed.getMessage().startsWith(target + ": write failed after 1 rows"));

      OutputException refused = assertThrows(OutputException.class, writer::commit);

      assertTrue(
          refused.getMessage().startsWith(target + ": not written, an earlier write failed"),
          refused.getMessage());
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }

  @Test
  void commitTwiceOrWriteAfterCommitIsAProgrammingError() throws IOException {
    Path target = dir.resolve("words.parquet");
    try (StagedParquetWriter<String> writer =
        StagedParquetWriter.create(target, false, new Words(), 1 << 20)) {
      writer.write("alpha");
      writer.commit();
      assertThrows(IllegalStateException.class, writer::commit);
      assertThrows(IllegalStateException.class, () -> writer.write("beta"));
      writer.abort(); // no-op after commit
    }
    assertTrue(Files.size(target) > 0, "committed file kept by abort/close");
  }
}
