package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.pipeline.ParentEnumerator;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;
import org.transformpipeline.testing.ForwardingSink;
import org.transformpipeline.testing.ReadOnlyDirectory;

/**
 * Bad files, bad options and failures mid-run: one clear line on stderr (no stack trace without
 * --verbose), the right exit code, and nothing at the output paths (no partial file, no temporary
 * file, no parts directory unless there is finished work to resume).
 */
class ApplyErrorsTest {

  @TempDir static Path dir;
  static Path library;

  @BeforeAll
  static void library() throws Exception {
    library = Libraries.smiToParquet(Libraries.NCI_5K, 300, dir.resolve("nci300.parquet"));
  }

  /** A fresh directory for one test's outputs. */
  private static Path outputDir(String name) throws IOException {
    return Files.createDirectories(dir.resolve(name));
  }

  private static CliRuns.Run apply(
      ApplyRun.Stages stages, Path input, Path output, String... more) {
    List<String> args =
        new ArrayList<>(List.of("--input", input.toString(), "--output", output.toString()));
    args.addAll(List.of("--quiet", "--workers", "2", "--batch-size", "20"));
    args.addAll(List.of(more));
    return CliRuns.apply(stages, args.toArray(new String[0]));
  }

  private static CliRuns.Run apply(Path input, Path output, String... more) {
    return apply(ApplyRun.Stages.STANDARD, input, output, more);
  }

  /** Everything in a directory, by name. */
  private static Set<String> files(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return new TreeSet<>(files.map(f -> f.getFileName().toString()).toList());
    }
  }

  /** A failure: exit 1, one "error: ..." line containing the text, no stack trace. */
  private static void assertFailure(CliRuns.Run run, String text) {
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().startsWith("error: "), run.err());
    assertTrue(run.err().contains(text), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertFalse(run.hasStackTrace(), run.err());
  }

  private static Set<String> pipelineThreads() {
    Set<String> names = new TreeSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive()
          && (t.getName().startsWith("transform-worker")
              || t.getName().startsWith("batch-reader"))) {
        names.add(t.getName());
      }
    }
    return names;
  }

  @Test
  void aMissingInputIsOneLineAndExitOne() throws Exception {
    Path out = outputDir("missing");
    Path input = dir.resolve("no-such.parquet");
    CliRuns.Run run = apply(input, out.resolve("p.parquet"));

    assertFailure(run, "input file not found: " + input);
    assertEquals(Set.of(), files(out));
  }

  @Test
  void anEmptyFileOfZeroBytesIsNotParquet() throws Exception {
    Path out = outputDir("zero-bytes");
    Path input = Files.write(dir.resolve("zero.parquet"), new byte[0]);
    assertFailure(apply(input, out.resolve("p.parquet")), input + ": not a Parquet file");
    assertEquals(Set.of(), files(out));
  }

  @Test
  void aTruncatedInputSaysSo() throws Exception {
    Path out = outputDir("truncated");
    byte[] whole = Files.readAllBytes(library);
    Path input = Files.write(dir.resolve("half.parquet"), Arrays.copyOf(whole, whole.length / 2));
    assertFailure(apply(input, out.resolve("p.parquet")), input + ": truncated Parquet file");
    assertEquals(Set.of(), files(out));
  }

  @Test
  void aCorruptFooterSaysSo() throws Exception {
    Path out = outputDir("corrupt");
    Path input = Files.copy(library, dir.resolve("corrupt.parquet"));
    try (RandomAccessFile file = new RandomAccessFile(input.toFile(), "rw")) {
      // the footer ends with its 4-byte length and PAR1: scribble over the bytes before them
      file.seek(file.length() - 8 - 200);
      file.write(new byte[192]);
    }
    assertFailure(apply(input, out.resolve("p.parquet")), input + ": corrupt Parquet file");
    assertEquals(Set.of(), files(out));
  }

  @Test
  void anInputWithNoRowsGivesValidEmptyOutputsAndExitZero() throws Exception {
    Path out = outputDir("no-rows");
    Path input = Libraries.withRows(dir.resolve("no-rows.parquet"), List.of());
    Path output = out.resolve("p.parquet");
    CliRuns.Run run = apply(input, output);

    assertEquals(0, run.exit(), run.err());
    assertEquals(
        Set.of("p.parquet", "p.parquet.rejects.parquet", "p.parquet.summary.json"), files(out));
    assertEquals(List.of("0"), Libraries.query("SELECT count(*) FROM '" + output + "'"));
    assertEquals(
        List.of(
            "product_smiles",
            "parent_id",
            "parent_smiles",
            "transform",
            "site",
            "fragment",
            "product_id",
            "generation",
            "root_id",
            "pathway",
            "score"),
        Libraries.query("SELECT column_name FROM (DESCRIBE SELECT * FROM '" + output + "')"));
    RunSummary summary = SummaryReport.readJson(out.resolve("p.parquet.summary.json"));
    assertEquals(0, summary.rows().read());
    assertEquals(List.of(), summary.identityViolations());
  }

  @Test
  void aMissingSmilesColumnNamesTheColumnsThereAre() throws Exception {
    Path out = outputDir("no-smiles-column");
    CliRuns.Run run = apply(library, out.resolve("p.parquet"), "--smiles-column", "SMILES");
    assertFailure(
        run, "SMILES column 'SMILES' not found (did you mean 'smiles'?); available columns:");
    assertEquals(Set.of(), files(out));
  }

  @Test
  void aSmilesColumnThatIsNotTextIsRefused() throws Exception {
    Path out = outputDir("integer-smiles");
    CliRuns.Run run = apply(library, out.resolve("p.parquet"), "--smiles-column", "heavy");
    assertFailure(run, "SMILES column 'heavy' must be a string column, found optional int32");
    assertEquals(Set.of(), files(out));
  }

  @Test
  void aMissingOutputDirectoryIsRefusedBeforeAnyWork() throws Exception {
    Path missing = dir.resolve("no-such-dir");
    CliRuns.Run run = apply(library, missing.resolve("p.parquet"));
    assertFailure(run, "output directory does not exist: " + missing);
    assertFalse(Files.exists(missing));
  }

  @Test
  void anOutputDirectoryThatIsAFileIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    CliRuns.Run run = apply(library, file.resolve("p.parquet"));
    assertFailure(run, "output directory is not a directory: " + file);
  }

  @Test
  void anOutputDirectoryThatIsNotWritableIsRefused() throws Exception {
    Path out = outputDir("read-only");
    ReadOnlyDirectory readOnly = ReadOnlyDirectory.of(out);
    try {
      assertFailure(
          apply(library, out.resolve("p.parquet")), "output directory is not writable: " + out);
    } finally {
      readOnly.close();
    }
    assertEquals(Set.of(), files(out));
  }

  @Test
  void existingOutputsAreKeptWithoutOverwrite() throws Exception {
    for (String existing :
        List.of("p.parquet", "p.parquet.rejects.parquet", "p.parquet.summary.json")) {
      Path out = outputDir("exists-" + existing);
      Files.writeString(out.resolve(existing), "keep me");
      CliRuns.Run run = apply(library, out.resolve("p.parquet"));

      assertFailure(run, "already exists: " + out.resolve(existing));
      assertTrue(run.err().contains("--overwrite"), run.err());
      assertEquals(Set.of(existing), files(out));
      assertEquals("keep me", Files.readString(out.resolve(existing)));
    }
  }

  /** A sink that fails like a full disk after {@code rows} products. */
  private static ApplyRun.Stages diskFullAfter(int rows) {
    return new ApplyRun.Stages(
        sink -> ForwardingSink.diskFullAfter(rows, sink), UnaryOperator.identity());
  }

  @Test
  void aFullDiskMidRunExitsOneAndLeavesNothing() throws Exception {
    Path out = outputDir("disk-full");
    CliRuns.Run run = apply(diskFullAfter(40), library, out.resolve("p.parquet"));

    assertFailure(run, "No space left on device");
    assertTrue(run.err().startsWith("error: failed writing batch "), run.err());
    assertEquals(Set.of(), files(out), "no output, no temporary file, no parts directory");
    assertEquals(Set.of(), pipelineThreads());
  }

  @Test
  void aFullDiskAfterFinishedPartsKeepsThemAndResumeGivesTheSameOutput() throws Exception {
    Path out = outputDir("disk-full-resume");
    Path output = out.resolve("p.parquet");
    CliRuns.Run failed = apply(diskFullAfter(60), library, output, "--part-batches", "2");

    assertFailure(failed, "No space left on device");
    assertTrue(
        failed
            .err()
            .contains(
                "kept in "
                    + out.resolve("p.parquet.parts")
                    + ": run the same"
                    + " command with --resume"),
        failed.err());
    assertEquals(Set.of("p.parquet.parts"), files(out));

    CliRuns.Run resumed = apply(library, output, "--part-batches", "2", "--resume");
    assertEquals(0, resumed.exit(), resumed.err());
    Path clean = outputDir("disk-full-clean").resolve("p.parquet");
    assertEquals(0, apply(library, clean).exit());
    assertEquals(-1, Files.mismatch(clean, output));
    assertEquals(
        -1,
        Files.mismatch(
            clean.resolveSibling("p.parquet.rejects.parquet"),
            output.resolveSibling("p.parquet.rejects.parquet")));
    assertEquals(
        Set.of("p.parquet", "p.parquet.rejects.parquet", "p.parquet.summary.json"), files(out));
  }

  /** Each worker's enumerator, wrapped to do something else for one SMILES. */
  private static ApplyRun.Stages onSmiles(String smiles, RuntimeException orNull, Error error) {
    UnaryOperator<ParentEnumerator> wrap =
        real ->
            s -> {
              if (s.equals(smiles)) {
                if (error != null) {
                  throw error;
                }
                throw orNull;
              }
              return real.enumerate(s);
            };
    return new ApplyRun.Stages(UnaryOperator.identity(), wrap);
  }

  @Test
  void aWorkerThrowingOnOneMoleculeRejectsThatRowAndTheRunGoesOn() throws Exception {
    Path out = outputDir("throws-on-one");
    Path output = out.resolve("p.parquet");
    String victim =
        Libraries.query("SELECT smiles FROM '" + library + "' LIMIT 1 OFFSET 17").get(0);
    CliRuns.Run run =
        apply(
            onSmiles(victim, new IllegalStateException("ring perception failed"), null),
            library,
            output);

    assertEquals(0, run.exit(), run.err());
    assertEquals(
        List.of("17 | INTERNAL | java.lang.IllegalStateException: ring perception failed"),
        Libraries.query(
            "SELECT row_number, stage, reason FROM '"
                + out.resolve("p.parquet.rejects.parquet")
                + "' WHERE stage = 'INTERNAL'"));
    RunSummary summary = SummaryReport.readJson(out.resolve("p.parquet.summary.json"));
    assertEquals(300, summary.rows().read());
    assertEquals(List.of(), summary.identityViolations());
  }

  @Test
  void anErrorThatMustStopTheRunLeavesNoThreadNoFileAndExitsOne() throws Exception {
    Path out = outputDir("stops");
    String victim =
        Libraries.query("SELECT smiles FROM '" + library + "' LIMIT 1 OFFSET 150").get(0);
    CliRuns.Run run =
        apply(
            onSmiles(victim, null, new OutOfMemoryError("Java heap space")),
            library,
            out.resolve("p.parquet"));

    assertFailure(run, "failed transforming batch 7: Java heap space");
    assertEquals(Set.of(), pipelineThreads());
    assertEquals(Set.of(), files(out));
  }

  @Test
  void verboseAddsTheStackTrace() throws Exception {
    Path out = outputDir("verbose");
    CliRuns.Run run = apply(diskFullAfter(10), library, out.resolve("p.parquet"), "--verbose");
    assertEquals(1, run.exit());
    assertTrue(run.hasStackTrace(), run.err());
    assertTrue(run.err().contains("No space left on device"), run.err());
  }

  @Test
  void aLeftoverPartsDirectoryIsRefusedWithoutResumeOrOverwrite() throws Exception {
    Path out = outputDir("leftover");
    Path output = out.resolve("p.parquet");
    apply(diskFullAfter(60), library, output, "--part-batches", "2");
    assertTrue(Files.isDirectory(out.resolve("p.parquet.parts")));

    CliRuns.Run again = apply(library, output, "--part-batches", "2");
    assertFailure(again, "a run writing " + output + " was interrupted");
    assertTrue(again.err().contains("--resume") && again.err().contains("--overwrite"));

    CliRuns.Run mismatch = apply(library, output, "--resume", "--max-products-per-parent", "7");
    assertEquals(2, mismatch.exit(), mismatch.err());
    assertEquals(
        "error: cannot --resume the run in "
            + out.resolve("p.parquet.parts")
            + ": --max-products-per-parent: 1000 in the interrupted run, 7 now (use --overwrite"
            + " without --resume to start over)\n",
        mismatch.err());

    CliRuns.Run overwrite = apply(library, output, "--overwrite");
    assertEquals(0, overwrite.exit(), overwrite.err());
    assertEquals(
        Set.of("p.parquet", "p.parquet.rejects.parquet", "p.parquet.summary.json"), files(out));
  }
}
