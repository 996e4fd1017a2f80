package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;

class ReportCommandTest {

  @TempDir static Path dir;
  static Path library;
  static Path products;
  static CliRuns.Run applied;

  static CliRuns.Run cli(String... args) {
    return CliRuns.run(args);
  }

  @BeforeAll
  static void run() throws Exception {
    library = Libraries.smiToParquet(Libraries.NCI_5K, 300, dir.resolve("nci300.parquet"));
    products = dir.resolve("products.parquet");
    applied =
        cli(
            "apply",
            "--input",
            library.toString(),
            "--output",
            products.toString(),
            "--quiet",
            "--workers",
            "2",
            "--batch-size",
            "40",
            "--report",
            dir.resolve("from-apply.html").toString());
  }

  /** The output row numbers of the sample cards, in page order. */
  private static List<Long> cardRows(String html) {
    List<Long> rows = new ArrayList<>();
    Matcher m = Pattern.compile("<div class='card' data-row='(\\d+)'>").matcher(html);
    while (m.find()) {
      rows.add(Long.valueOf(m.group(1)));
    }
    return rows;
  }

  private static long dataValue(String html, String key) {
    Matcher m =
        Pattern.compile("data-key='" + Pattern.quote(key) + "' data-value='(\\d+)'").matcher(html);
    assertTrue(m.find(), key);
    return Long.parseLong(m.group(1));
  }

  @Test
  void applyWritesTheReportOnceTheOutputIsCommitted() throws Exception {
    assertEquals(0, applied.exit(), applied.err());
    assertTrue(
        applied
            .out()
            .endsWith(
                "Report written to " + dir.resolve("from-apply.html") + System.lineSeparator()),
        applied.out());
    RunSummary summary = SummaryReport.readJson(SummaryReport.jsonPathFor(products));
    String html = Files.readString(dir.resolve("from-apply.html"));

    assertEquals(300, dataValue(html, "rows.read"));
    assertEquals(summary.products().written(), dataValue(html, "products.written"));
    assertEquals(summary.rows().noSite(), dataValue(html, "rows.noSite"));
    summary
        .transforms()
        .forEach(
            (name, c) -> {
              assertEquals(c.generated(), dataValue(html, "transforms." + name + ".generated"));
              assertEquals(c.written(), dataValue(html, "transforms." + name + ".written"));
            });
    assertTrue(summary.timeline().size() >= 8, "one sample per batch of 40 rows");
    List<Long> rows = cardRows(html);
    assertEquals(Math.min(24, summary.products().written()), rows.size());
    assertEquals(0L, rows.get(0));
    assertEquals(2 * rows.size(), html.split("<div class='mol ").length - 1);
  }

  @Test
  void reportDrawsTheAskedNumberOfSamplesSpreadOverTheFile() throws Exception {
    Path html = dir.resolve("five.html");
    CliRuns.Run run =
        cli("report", products.toString(), "--output", html.toString(), "--samples", "5");

    assertEquals(0, run.exit(), run.err());
    assertEquals("Report written to " + html + System.lineSeparator(), run.out());
    RunSummary summary = SummaryReport.readJson(SummaryReport.jsonPathFor(products));
    long written = summary.products().written();
    List<Long> expected = new ArrayList<>();
    for (long j = 0; j < 5; j++) {
      expected.add(j * written / 5);
    }
    assertEquals(expected, cardRows(Files.readString(html)));
  }

  @Test
  void writesNextToTheOutputByDefaultAndKeepsAnExistingReport() throws Exception {
    Path copy = Files.copy(products, dir.resolve("copy.parquet"));
    Files.copy(SummaryReport.jsonPathFor(products), SummaryReport.jsonPathFor(copy));
    Path html = dir.resolve("copy.parquet.report.html");

    assertEquals(0, cli("report", copy.toString(), "--samples", "2").exit());
    assertTrue(Files.size(html) > 10_000);
    Files.writeString(html, "keep me");

    CliRuns.Run again = cli("report", copy.toString());
    assertEquals(1, again.exit());
    assertEquals(
        "error: report file exists: " + html + " (use --overwrite to replace it)\n", again.err());
    assertEquals("keep me", Files.readString(html));
    assertEquals(0, cli("report", copy.toString(), "--overwrite", "--samples", "0").exit());
    assertTrue(Files.readString(html).contains("<h2>Sample products</h2>"));
  }

  @Test
  void aProductsFileWithoutItsSummaryFails() throws Exception {
    Path alone = Files.copy(products, dir.resolve("alone.parquet"));
    CliRuns.Run run = cli("report", alone.toString());

    assertEquals(1, run.exit());
    assertEquals(
        "error: summary file not found: "
            + SummaryReport.jsonPathFor(alone)
            + " (apply writes it next to its output; or give --summary)\n",
        run.err());
    assertFalse(Files.exists(dir.resolve("alone.parquet.report.html")));
  }

  @Test
  void aLibraryIsNotAProductsFile() {
    CliRuns.Run run =
        cli(
            "report",
            library.toString(),
            "--summary",
            SummaryReport.jsonPathFor(products).toString(),
            "--output",
            dir.resolve("lib.html").toString());

    assertEquals(1, run.exit());
    assertTrue(
        run.err()
            .startsWith(
                "error: " + library + ": not a products file: no BINARY column 'product_smiles'"),
        run.err());
    assertFalse(Files.exists(dir.resolve("lib.html")));
  }

  @Test
  void aSummaryThatIsNotJsonFails() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.summary.json"), "{\"rows\": [1, 2");
    CliRuns.Run run =
        cli(
            "report",
            products.toString(),
            "--summary",
            bad.toString(),
            "--output",
            dir.resolve("bad.html").toString());

    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("error: " + bad + ": not a run summary: "), run.err());
  }

  @Test
  void badOptionsAreUsageErrors() {
    CliRuns.Run negative = cli("report", products.toString(), "--samples", "-1");
    assertEquals(2, negative.exit());
    assertEquals("error: --samples must be >= 0, got -1\n", negative.err());

    CliRuns.Run onItself = cli("report", products.toString(), "--output", products.toString());
    assertEquals(2, onItself.exit());
    assertEquals(
        "error: --output would replace an input of the report: " + products + "\n", onItself.err());

    CliRuns.Run applyOnOutput =
        cli(
            "apply",
            "--input",
            library.toString(),
            "--output",
            dir.resolve("o.parquet").toString(),
            "--report",
            dir.resolve("o.parquet").toString());
    assertEquals(2, applyOnOutput.exit());
    assertEquals(
        "error: --report is the same file as --input or --output: "
            + dir.resolve("o.parquet")
            + "\n",
        applyOnOutput.err());
  }

  @Test
  void applyWithAnExistingReportFailsBeforeTheRun() throws Exception {
    Path html = Files.writeString(dir.resolve("exists.html"), "keep me");
    Path output = dir.resolve("not-made.parquet");
    CliRuns.Run run =
        cli(
            "apply",
            "--input",
            library.toString(),
            "--output",
            output.toString(),
            "--quiet",
            "--report",
            html.toString());

    assertEquals(1, run.exit());
    assertEquals(
        "error: report file exists: " + html + " (use --overwrite to replace it)\n", run.err());
    assertFalse(Files.exists(output));
    assertEquals("keep me", Files.readString(html));
  }
}
