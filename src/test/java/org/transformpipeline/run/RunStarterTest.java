package org.transformpipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.parquet.IdColumn;
import org.transformpipeline.parquet.InputSchema;
import org.transformpipeline.parquet.LibraryWriter;
import org.transformpipeline.parquet.StagedParquetWriter;
import org.transformpipeline.pipeline.ProductKey;
import org.transformpipeline.pipeline.ProductRow;
import org.transformpipeline.pipeline.RunTally;
import org.transformpipeline.pipeline.dedup.DedupMode;
import org.transformpipeline.pipeline.dedup.DedupSettings;

/**
 * How a run begins: {@link RunStarter} decides once, fresh or resumed, and the {@link RunStart} it
 * gives holds where to read from and a dedup that already knows the committed products.
 */
class RunStarterTest {

  static final DedupSettings EXACT = new DedupSettings(DedupMode.EXACT, 1000, 1e-6, null);
  static final Map<String, String> IDENTITY = Map.of("--batch-size", "50");
  static final String ANISOLE = "COc1ccccc1";

  @TempDir Path dir;
  Path output;
  InputSchema schema;

  @BeforeEach
  void library() {
    Path library = dir.resolve("lib.parquet");
    try (StagedParquetWriter<LibraryWriter.Molecule> writer =
        LibraryWriter.create(library, false, Map.of())) {
      writer.write(new LibraryWriter.Molecule("Oc1ccccc1", "1"));
      writer.commit();
    }
    schema = new RunInput(library, "smiles", IdColumn.byDefault()).schema();
    output = dir.resolve("products.parquet");
  }

  private RunStarter starter(boolean resume) {
    return new RunStarter(
        dir.resolve("lib.parquet"), new RunTarget(output, false, resume, 1), EXACT, Map.of());
  }

  /** A run that committed one part (batch 0, one product) and was then killed. */
  private void interruptedAfterOneBatch() throws Exception {
    try (RunStart start = starter(false).start(schema, IDENTITY)) {
      start
          .sink()
          .write(new ProductRow(ANISOLE, "1", "Oc1ccccc1", "methylation", 1, new Object[0]));
      start.sink().batchWritten(new RunTally().checkpoint(1)); // commits the part (1 batch)
    } // closed without commit: the parts stay, as after a kill
  }

  @Test
  void aFreshStartReadsFromTheFirstRowWithAnEmptyDedup() {
    try (RunStart start = starter(false).start(schema, IDENTITY)) {
      RunStart.Fresh fresh = assertInstanceOf(RunStart.Fresh.class, start);
      assertEquals(0, fresh.firstBatch());
      assertEquals(0, fresh.checkpoint().rows().read());
      ProductKey key = ProductKey.of(ANISOLE);
      assertTrue(fresh.dedup().addIfAbsent(key.hi(), key.lo()), "nothing known yet");
      assertTrue(Files.isRegularFile(RunParts.dirFor(output).resolve(RunParts.MANIFEST)));
    }
    assertFalse(Files.exists(RunParts.dirFor(output)), "nothing committed: no parts left");
  }

  @Test
  void aResumedStartGoesOnAfterTheCommittedBatchWithTheirProductsInTheDedup() throws Exception {
    interruptedAfterOneBatch();

    try (RunStart start = starter(true).start(schema, IDENTITY)) {
      RunStart.Resumed resumed = assertInstanceOf(RunStart.Resumed.class, start);
      assertEquals(1, resumed.firstBatch());
      assertEquals(50, resumed.firstRow(50));
      assertEquals(1, resumed.manifest().parts().size());
      ProductKey key = ProductKey.of(ANISOLE);
      assertFalse(resumed.dedup().addIfAbsent(key.hi(), key.lo()), "the committed product");
    }
    assertTrue(Files.isDirectory(RunParts.dirFor(output)), "the committed part is kept");
  }

  @Test
  void leftoverPartsWithoutResumeOrOverwriteAreRefusedNamingBothWaysOn() throws Exception {
    interruptedAfterOneBatch();

    RunStartException e = assertThrows(RunStartException.class, starter(false)::refuseToStartOver);

    assertFalse(e.mismatch());
    assertTrue(e.getMessage().contains("--resume") && e.getMessage().contains("--overwrite"));
  }

  @Test
  void resumingWithOtherOptionsIsAMismatchNamingTheOption() throws Exception {
    interruptedAfterOneBatch();

    RunStartException e =
        assertThrows(
            RunStartException.class,
            () -> starter(true).start(schema, Map.of("--batch-size", "20")));

    assertTrue(e.mismatch());
    assertTrue(
        e.getMessage().contains("--batch-size: 50 in the interrupted run, 20 now"), e.getMessage());
  }

  @Test
  void theInterruptionLineSaysWhatTheFinishedPartsHold() throws Exception {
    interruptedAfterOneBatch();
    PartManifest manifest;
    try (RunParts parts = RunParts.open(output)) {
      manifest = parts.readManifest().orElseThrow();
    }

    String line = RunInterruption.message(manifest, new RunTarget(output, false, false, 1));

    assertEquals(
        "interrupted before "
            + output
            + " was written: 1 batch (0 rows, 0 products) are in the finished parts in "
            + RunParts.dirFor(output)
            + ": run the same command with --resume to go on",
        line);
  }
}
