package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;

/**
 * {@code apply --resume} after {@code kill -9}, on the shaded jar: a run killed at several points
 * (each time once its manifest shows a chosen number of batches done, plus a random delay so that
 * kills also land in the middle of writing a part) and resumed each time ends with the same bytes
 * and counts as an uninterrupted run.
 */
class ResumeJarIT {

  static final Path JAR = Path.of("target/transform.jar");
  static final Pattern BATCHES = Pattern.compile("\"batchesWritten\" : (\\d+)");

  @TempDir Path dir;

  private static List<String> command(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    return command;
  }

  private Process start(Path log, String... args) throws IOException {
    assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run 'mvn verify' (package builds it)");
    return new ProcessBuilder(command(args))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  private int runToEnd(Path log, String... args) throws Exception {
    Process process = start(log, args);
    if (!process.waitFor(30, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("did not finish in 30 minutes: " + String.join(" ", args));
    }
    return process.exitValue();
  }

  /** Batches the run's manifest says are done (0 before it has one). */
  private static long batchesDone(Path manifest) {
    try {
      Matcher m = BATCHES.matcher(Files.readString(manifest));
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    } catch (IOException e) {
      return 0; // not written yet
    }
  }

  /**
   * Runs apply, killing it with SIGKILL once its manifest shows {@code killAt[i]} batches done
   * (plus up to 300 ms), resuming after each kill, then lets the last resume finish.
   *
   * @return the batches done at each kill
   */
  private List<Long> runWithKills(Path output, long[] killAt, long seed, String... options)
      throws Exception {
    Random random = new Random(seed);
    Path manifest = output.resolveSibling(output.getFileName() + ".parts/manifest.json");
    Path log = dir.resolve("kills.log");
    List<Long> doneAtKill = new ArrayList<>();
    for (int i = 0; i <= killAt.length; i++) {
      List<String> args = new ArrayList<>(List.of(options));
      if (i > 0) {
        args.add("--resume");
      }
      if (i == killAt.length) {
        assertEquals(0, runToEnd(log, args.toArray(new String[0])), Files.readString(log));
        break;
      }
      Process process = start(log, args.toArray(new String[0]));
      while (process.isAlive() && batchesDone(manifest) < killAt[i]) {
        Thread.sleep(20);
      }
      Thread.sleep(random.nextInt(300));
      if (!process.isAlive()) {
        assertEquals(0, process.exitValue(), Files.readString(log));
        return doneAtKill; // it finished first
      }
      process.destroyForcibly();
      assertTrue(process.waitFor(1, TimeUnit.MINUTES));
      doneAtKill.add(batchesDone(manifest));
    }
    return doneAtKill;
  }

  private static String[] applyArgs(Path input, Path output, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("apply", "--input", input.toString(), "--output", output.toString()));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  private void assertSameOutputsAndCounts(Path reference, Path resumed) throws IOException {
    assertEquals(-1, Files.mismatch(reference, resumed), "products file bytes");
    assertEquals(
        -1,
        Files.mismatch(
            sibling(reference, ".rejects.parquet"), sibling(resumed, ".rejects.parquet")),
        "rejects file bytes");
    RunSummary a = SummaryReport.readJson(sibling(reference, ".summary.json"));
    RunSummary b = SummaryReport.readJson(sibling(resumed, ".summary.json"));
    assertEquals(a.rows(), b.rows());
    assertEquals(a.products(), b.products());
    assertEquals(a.transforms(), b.transforms());
    assertEquals(a.dedup(), b.dedup());
    assertEquals(a.rejectedExamples(), b.rejectedExamples());
    assertEquals(List.of(), b.identityViolations());
    assertTrue(Files.notExists(sibling(resumed, ".parts")), "parts directory removed");
  }

  private static Path sibling(Path output, String suffix) {
    return output.resolveSibling(output.getFileName() + suffix);
  }

  /** The NCI 5k library converted to Parquet. */
  private Path nci5k() throws Exception {
    Path input = dir.resolve("nci5k.parquet");
    assertEquals(
        0,
        runToEnd(
            dir.resolve("convert.log"),
            "convert",
            "--input",
            Libraries.NCI_5K.toString(),
            "--output",
            input.toString()));
    return input;
  }

  @Test
  void aRunKilledThreeTimesAndResumedGivesTheUninterruptedOutput() throws Exception {
    Path input = nci5k();
    String[] options = {"--batch-size", "50", "--workers", "2", "--part-batches", "3", "--quiet"};
    Path reference = dir.resolve("reference.parquet");
    assertEquals(0, runToEnd(dir.resolve("reference.log"), applyArgs(input, reference, options)));

    Path resumed = dir.resolve("resumed.parquet");
    // 100 batches: kill after about 10, 40 and 75 of them
    List<Long> kills =
        runWithKills(resumed, new long[] {10, 40, 75}, 5, applyArgs(input, resumed, options));

    assertTrue(kills.size() >= 2 && kills.get(0) >= 9 && kills.get(0) < 100, "kills at " + kills);
    assertSameOutputsAndCounts(reference, resumed);
  }

  @Test
  void aThreeGenerationRunKilledInGenerationTwoResumesToTheUninterruptedOutput() throws Exception {
    Path input = nci5k();
    String[] options = {
      "--generations",
      "3",
      "--only", // two transforms keep generation 3 small: the run is made twice
      "phenol_o_methylation,amine_n_acetylation",
      "--exclude-inputs",
      "--batch-size",
      "50",
      "--workers",
      "2",
      "--part-batches",
      "2",
      "--dedup",
      "exact",
      "--quiet"
    };
    Path reference = dir.resolve("gen-reference.parquet");
    assertEquals(
        0, runToEnd(dir.resolve("gen-reference.log"), applyArgs(input, reference, options)));

    Path resumed = dir.resolve("gen-resumed.parquet");
    Path manifest = resumed.resolveSibling(resumed.getFileName() + ".parts/manifest.json");
    Path log = dir.resolve("gen-kill.log");
    Process process = start(log, applyArgs(input, resumed, options));
    Pattern generation = Pattern.compile("\"generation\" : (\\d+)");
    while (process.isAlive()) {
      String text = Files.exists(manifest) ? Files.readString(manifest) : "";
      // the manifest's own generation comes after its parts' (each part has one too)
      Matcher m = generation.matcher(text);
      int current = 0;
      while (m.find()) {
        current = Integer.parseInt(m.group(1));
      }
      if (current == 2 && batchesDone(manifest) >= 4) {
        break;
      }
      Thread.sleep(20);
    }
    assertTrue(process.isAlive(), "killed in generation 2: " + Files.readString(log));
    process.destroyForcibly(); // SIGKILL
    assertTrue(process.waitFor(1, TimeUnit.MINUTES));
    assertTrue(Files.notExists(resumed));

    List<String> again = new ArrayList<>(List.of(applyArgs(input, resumed, options)));
    again.add("--resume");
    assertEquals(0, runToEnd(log, again.toArray(new String[0])), Files.readString(log));
    assertSameOutputsAndCounts(reference, resumed);
  }

  @Test
  void aRunStoppedWithSigtermSaysHowFarItGotAndResumeFinishesIt() throws Exception {
    Path input = nci5k();
    Path output = dir.resolve("stopped.parquet");
    Path parts = sibling(output, ".parts");
    Path log = dir.resolve("sigterm.log");
    String[] options = {"--batch-size", "50", "--workers", "2", "--part-batches", "3", "--quiet"};
    Process process = start(log, applyArgs(input, output, options));
    while (process.isAlive() && batchesDone(parts.resolve("manifest.json")) < 10) {
      Thread.sleep(20);
    }
    assertTrue(
        process.isAlive(), "still running after 10 of 100 batches: " + Files.readString(log));

    process.destroy(); // SIGTERM, as kill or a service manager sends it
    assertTrue(process.waitFor(1, TimeUnit.MINUTES));

    assertEquals(143, process.exitValue(), "killed by SIGTERM");
    String said = Files.readString(log);
    Matcher line =
        Pattern.compile(
                "interrupted before "
                    + Pattern.quote(output.toString())
                    + " was written: (\\d+) batches \\((\\d+) rows, \\d+ products\\) are in the"
                    + " finished parts in "
                    + Pattern.quote(parts.toString())
                    + ": run the same command with --resume to go on")
            .matcher(said);
    assertTrue(line.find(), said);
    long batches = Long.parseLong(line.group(1));
    assertTrue(batches >= 9 && batches <= batchesDone(parts.resolve("manifest.json")), said);
    assertEquals(batches * 50, Long.parseLong(line.group(2)), "rows of the batches said");

    assertEquals(0, runToEnd(log, applyArgs(input, output, "--resume", options[0], options[1])));
    RunSummary summary = SummaryReport.readJson(sibling(output, ".summary.json"));
    assertEquals(4999, summary.rows().read());
    long resumedFrom = summary.settings().resumedFromBatch();
    assertTrue(resumedFrom >= batches, "resumed from " + resumedFrom + ", said " + batches);
    assertEquals(List.of(), summary.identityViolations());
    assertTrue(Files.notExists(parts), "parts directory removed");
  }

  /** 100,000 polyphenols (the first rows of the shared 1 M library), four kills. */
  @Test
  @Tag("slow")
  void aHundredThousandRowRunKilledFourTimesAndResumedGivesTheUninterruptedOutput()
      throws Exception {
    Path source = Path.of("../shared/data/polyphenols_1m.smi.gz");
    assumeTrue(Files.isRegularFile(source), source + " is not here");
    Path smi = dir.resolve("polyphenols_100k.smi");
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(source)), StandardCharsets.UTF_8));
        BufferedWriter out = Files.newBufferedWriter(smi)) {
      String line;
      for (int n = 0; n < 100_000 && (line = in.readLine()) != null; n++) {
        out.write(line);
        out.newLine();
      }
    }
    Path input = dir.resolve("polyphenols_100k.parquet");
    assertEquals(
        0,
        runToEnd(
            dir.resolve("convert.log"),
            "convert",
            "--input",
            smi.toString(),
            "--output",
            input.toString()));
    String[] options = {"--batch-size", "1000", "--workers", "2", "--part-batches", "4", "--quiet"};
    Path reference = dir.resolve("reference.parquet");
    assertEquals(0, runToEnd(dir.resolve("reference.log"), applyArgs(input, reference, options)));

    Path resumed = dir.resolve("resumed.parquet");
    Random random = new Random(11);
    long[] killAt = new long[4];
    for (int i = 0; i < killAt.length; i++) {
      killAt[i] = 5 + i * 22 + random.nextInt(15); // spread over the 100 batches
    }
    List<Long> kills = runWithKills(resumed, killAt, 11, applyArgs(input, resumed, options));

    assertEquals(4, kills.size(), "kills at " + kills);
    assertSameOutputsAndCounts(reference, resumed);
  }
}
