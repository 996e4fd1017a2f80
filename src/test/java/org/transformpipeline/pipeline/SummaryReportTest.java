package org.transformpipeline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.pipeline.dedup.DedupMode;

class SummaryReportTest {

  private static RunSummary summary() {
    List<InputRow> rows = new java.util.ArrayList<>(Fakes.numberedRows(40));
    rows.set(3, new InputRow(3, "id3", "bad", new Object[] {3L}));
    Pipeline pipeline =
        new Pipeline(
            new Fakes.ListSource(rows, 8),
            new TransformWorker(() -> Fakes::enumerate),
            DedupMode.BLOOM.create(1000, 1e-6),
            new Fakes.RecordingSink(),
            new Pipeline.Settings(2, 4, 8),
            Fakes.silentProgress());
    RunTotals totals = pipeline.run();
    return RunSummary.of(
        "lib.parquet",
        "out.parquet",
        new RunSummary.Settings(
            2, 4, 8, "bloom", 1000, 1e-6, 1000, List.of("a", "b", "c"), 500, 10000, 0),
        totals);
  }

  @Test
  void writesJsonAtomicallyThatReadsBackToTheSameSummary(@TempDir Path dir) throws IOException {
    RunSummary summary = summary();
    Path target = SummaryReport.jsonPathFor(dir.resolve("out.parquet"));

    SummaryReport.writeJson(summary, target);

    assertEquals(dir.resolve("out.parquet.summary.json"), target);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList(), "no temp file left behind");
    }
    RunSummary back = SummaryReport.readJson(target);
    assertEquals(summary.rows(), back.rows());
    assertEquals(summary.products(), back.products());
    assertEquals(summary.transforms(), back.transforms());
    assertEquals(summary.settings(), back.settings());
    assertEquals(
        summary.rejectedExamples().get(0).rowNumber(), back.rejectedExamples().get(0).rowNumber());
    String json = Files.readString(target);
    assertTrue(json.contains("\"crossBatchDuplicates\""), json);
    assertTrue(json.contains("\"expectedFalseDrops\""), json);
  }

  @Test
  void theJsonFileHasThePermissionsOfAnyNewFileNotOwnerOnly(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("out.parquet.summary.json");
    SummaryReport.writeJson(summary(), target);
    // what the umask gives a new file here, as for the products file (rw-r--r-- under 022)
    Path plain = Files.createFile(dir.resolve("plain"));

    assertEquals(
        PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
  }

  @Test
  void rejectedExamplesAreFlatInJsonAndTheNestedFormOfOlderSummariesStillReads(@TempDir Path dir)
      throws IOException {
    RunSummary summary = summary();
    Path target = dir.resolve("out.parquet.summary.json");
    SummaryReport.writeJson(summary, target);
    String json = Files.readString(target);
    RowRejection first = summary.rejectedExamples().get(0);
    assertTrue(
        json.contains(
            "\"rowNumber\" : 3,\n    \"id\" : \"id3\",\n    \"smiles\" : \"bad\",\n"
                + "    \"stage\" : \"INTERNAL\",\n    \"reason\" : \""),
        json);

    String nested =
        json.replace(
            "\"stage\" : \"INTERNAL\",\n    \"reason\" : \"" + first.reason() + "\"",
            "\"rejection\" : {\"stage\" : \"INTERNAL\", \"reason\" : \"" + first.reason() + "\"}");
    assertTrue(nested.contains("\"rejection\""), nested);
    Files.writeString(target, nested);
    assertEquals(summary.rejectedExamples(), SummaryReport.readJson(target).rejectedExamples());
  }

  @Test
  void printsEveryCountInTheTextBlock() {
    RunSummary s = summary();
    String text = SummaryReport.text(s);

    assertTrue(text.contains("Rows read                    40"), text);
    assertTrue(text.contains("    internal: java.lang.IllegalStateException 1"), text);
    assertTrue(
        text.contains("  cross-batch duplicates     " + s.products().crossBatchDuplicates()), text);
    assertTrue(text.contains("  written                    " + s.products().written()), text);
    assertTrue(text.contains("Dedup                        bloom (scalable: 1 stage(s)"), text);
    assertTrue(text.contains("Max in flight                "), text);
  }

  @Test
  void memoryIsPrintedInMibLabelledMib() {
    RunSummary s = summary();
    RunSummary.Performance f = s.performance();
    RunSummary withMemory =
        new RunSummary(
            s.input(),
            s.output(),
            s.settings(),
            s.rows(),
            s.products(),
            s.transforms(),
            new RunSummary.DedupStats("exact", "exact table", 3 * 1048576 + 524288, 0),
            new RunSummary.Performance(
                f.elapsedSeconds(),
                f.rowsPerSecond(),
                f.maxInFlightObserved(),
                f.consumerBusySeconds(),
                f.consumerWaitSeconds(),
                f.workerSeconds(),
                200L << 20,
                300L << 20,
                1024L << 20,
                f.reorderHeldSeconds(),
                f.maxReorderHeld()),
            s.rejectedExamples(),
            s.timeline());

    String text = SummaryReport.text(withMemory);

    assertTrue(text.contains("  memory                     3.5 MiB\n"), text);
    assertTrue(
        text.contains(
            "Peak heap                    200 MiB sampled, 300 MiB by memory pools, of 1024 MiB"
                + " max"),
        text);
    assertFalse(text.contains(" MB"), text);
  }
}
