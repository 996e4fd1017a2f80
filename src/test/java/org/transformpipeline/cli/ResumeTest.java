package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;
import org.transformpipeline.run.RunParts;
import org.transformpipeline.testing.ForwardingSink;

/**
 * {@code --resume} in-process, for the moments a kill rarely hits: after the last part, while the
 * final files are being published, and before the parts directory is removed.
 */
class ResumeTest {

  @TempDir static Path dir;
  static Path library;
  static Path clean;

  @BeforeAll
  static void libraryAndACleanRun() throws Exception {
    library = Libraries.smiToParquet(Libraries.NCI_5K, 400, dir.resolve("nci400.parquet"));
    clean = Files.createDirectories(dir.resolve("clean")).resolve("p.parquet");
    assertEquals(0, apply(ApplyRun.Stages.STANDARD, clean).exit());
  }

  /** A run of 16 batches of 25 rows, committed as a part every 3 batches. */
  private static CliRuns.Run apply(ApplyRun.Stages stages, Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("--part-batches", "3"));
    args.addAll(List.of(more));
    return applyInParts(stages, output, args);
  }

  /** The same run, with the default part limits: one part, published without a join. */
  private static CliRuns.Run applyAsOnePart(ApplyRun.Stages stages, Path output, String... more) {
    return applyInParts(stages, output, List.of(more));
  }

  private static CliRuns.Run applyInParts(ApplyRun.Stages stages, Path output, List<String> more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                library.toString(),
                "--output",
                output.toString(),
                "--batch-size",
                "25",
                "--workers",
                "2",
                "--dedup",
                "exact",
                "--quiet"));
    args.addAll(more);
    return CliRuns.apply(stages, args.toArray(new String[0]));
  }

  /** A sink whose commit succeeds and then fails, as if the process died right after it. */
  private static ApplyRun.Stages dyingAfterCommit() {
    return new ApplyRun.Stages(ForwardingSink::dyingAfterCommit, UnaryOperator.identity());
  }

  private static Set<String> files(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return new TreeSet<>(files.map(f -> f.getFileName().toString()).toList());
    }
  }

  private static void assertSameAsClean(Path output) throws IOException {
    assertEquals(-1, Files.mismatch(clean, output));
    assertEquals(
        -1,
        Files.mismatch(
            clean.resolveSibling("p.parquet.rejects.parquet"),
            output.resolveSibling("p.parquet.rejects.parquet")));
    RunSummary a = SummaryReport.readJson(clean.resolveSibling("p.parquet.summary.json"));
    RunSummary b = SummaryReport.readJson(output.resolveSibling("p.parquet.summary.json"));
    assertEquals(a.rows(), b.rows());
    assertEquals(a.products(), b.products());
    assertEquals(a.dedup(), b.dedup());
    assertEquals(
        Set.of("p.parquet", "p.parquet.rejects.parquet", "p.parquet.summary.json"),
        files(output.getParent()));
  }

  @Test
  void aRunThatDiedAfterItsLastPartIsFinishedByResume() throws Exception {
    Path output = Files.createDirectories(dir.resolve("died-after-last-part")).resolve("p.parquet");
    CliRuns.Run died = apply(dyingAfterCommit(), output);
    assertEquals(1, died.exit());
    assertTrue(died.err().contains("power cut after the last part"), died.err());
    Path parts = RunParts.dirFor(output);
    assertTrue(Files.readString(parts.resolve("manifest.json")).contains("\"complete\" : true"));

    CliRuns.Run resumed = apply(ApplyRun.Stages.STANDARD, output, "--resume");

    assertEquals(0, resumed.exit(), resumed.err());
    assertSameAsClean(output);
  }

  @Test
  void aRunOfOnePartIsPublishedWithTheBytesOfAJoin() throws Exception {
    // the clean run joined 6 parts row by row; these publish their one part as it is
    Path output = Files.createDirectories(dir.resolve("one-part")).resolve("p.parquet");
    CliRuns.Run run = applyAsOnePart(ApplyRun.Stages.STANDARD, output);
    assertEquals(0, run.exit(), run.err());
    assertSameAsClean(output);

    Path killed = Files.createDirectories(dir.resolve("one-part-died")).resolve("p.parquet");
    CliRuns.Run dying = applyAsOnePart(dyingAfterCommit(), killed);
    assertEquals(1, dying.exit(), dying.err());
    String manifest = Files.readString(RunParts.dirFor(killed).resolve("manifest.json"));
    assertTrue(manifest.contains("part-00000") && !manifest.contains("part-00001"), manifest);
    CliRuns.Run resumed = applyAsOnePart(ApplyRun.Stages.STANDARD, killed, "--resume");
    assertEquals(0, resumed.exit(), resumed.err());
    assertSameAsClean(killed);
  }

  @Test
  void aRunThatDiedBeforeRemovingItsPartsIsFinishedAgainByResume() throws Exception {
    Path output = Files.createDirectories(dir.resolve("died-before-cleanup")).resolve("p.parquet");
    assertEquals(1, apply(dyingAfterCommit(), output).exit());
    Path parts = RunParts.dirFor(output);
    Path saved = Files.createDirectories(dir.resolve("saved-parts"));
    for (String name : files(parts)) {
      Files.copy(parts.resolve(name), saved.resolve(name));
    }
    assertEquals(0, apply(ApplyRun.Stages.STANDARD, output, "--resume").exit());
    // the outputs are published; put the complete parts back as if the process died just then
    Files.createDirectories(parts);
    for (String name : files(saved)) {
      Files.copy(saved.resolve(name), parts.resolve(name));
    }

    CliRuns.Run again = apply(ApplyRun.Stages.STANDARD, output, "--resume");

    assertEquals(0, again.exit(), again.err());
    assertSameAsClean(output);
  }

  @Test
  @SuppressWarnings("try") // the resource is held only for its lock
  void aSecondRunOnTheSameOutputIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
    Path output = Files.createDirectories(dir.resolve("locked")).resolve("p.parquet");
    try (RunParts first = RunParts.open(output)) {
      CliRuns.Run second = apply(ApplyRun.Stages.STANDARD, output, "--resume");
      assertEquals(1, second.exit(), second.err());
      assertEquals(
          "error: another run is writing "
              + output
              + " (its parts in "
              + RunParts.dirFor(output)
              + " are locked)\n",
          second.err());
    }
    assertEquals(Set.of("p.parquet.parts"), files(output.getParent()));
  }

  @Test
  void aDedupStateChangedSinceTheInterruptedRunStartedIsRefused() throws Exception {
    Path out = Files.createDirectories(dir.resolve("state-changed"));
    Path output = out.resolve("p.parquet");
    Path state = out.resolve("state.bin");
    assertEquals(1, apply(dyingAfterCommit(), output, "--dedup-state", state.toString()).exit());
    // another run saves a state in the same file meanwhile
    Path other = Files.createDirectories(dir.resolve("state-other")).resolve("o.parquet");
    assertEquals(
        0, apply(ApplyRun.Stages.STANDARD, other, "--dedup-state", state.toString()).exit());

    CliRuns.Run resumed =
        apply(ApplyRun.Stages.STANDARD, output, "--resume", "--dedup-state", state.toString());

    assertEquals(2, resumed.exit(), resumed.err());
    assertTrue(
        resumed
            .err()
            .startsWith(
                "error: cannot --resume: --dedup-state "
                    + state
                    + " is not the state the interrupted run started from (crc32c:"),
        resumed.err());
    assertTrue(resumed.err().endsWith(", expected absent)\n"), resumed.err());
    assertTrue(Files.isDirectory(RunParts.dirFor(output)), "the parts are kept");
  }

  @Test
  void resumeWithNothingToResumeIsAPlainRun() throws Exception {
    Path output = Files.createDirectories(dir.resolve("nothing")).resolve("p.parquet");
    CliRuns.Run run = apply(ApplyRun.Stages.STANDARD, output, "--resume");
    assertEquals(0, run.exit(), run.err());
    assertSameAsClean(output);
  }
}
