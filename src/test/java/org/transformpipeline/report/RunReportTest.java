package org.transformpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.chem.Rejection;
import org.transformpipeline.pipeline.ProductRow;
import org.transformpipeline.pipeline.RowRejection;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.RunTimeline;

class RunReportTest {

  /** A run of 1,000 rows whose counts add up, with rejects and a 10-sample timeline. */
  static RunSummary summary(List<RunTimeline.Sample> timeline) {
    Map<String, RunSummary.TransformCounts> transforms = new LinkedHashMap<>();
    transforms.put("methylation <O>", new RunSummary.TransformCounts(600, 520));
    transforms.put("sulfation", new RunSummary.TransformCounts(300, 280));
    return new RunSummary(
        "lib.parquet",
        "out.parquet",
        new RunSummary.Settings(
            2,
            4,
            100,
            "bloom",
            1000,
            1e-6,
            1000,
            List.of("methylation <O>", "sulfation"),
            500,
            10000,
            0),
        new RunSummary.RowCounts(
            1000, 988, 12, Map.of("parse: invalid SMILES", 10L, "parent: too large", 2L), 700, 288),
        new RunSummary.ProductCounts(900, 3, Map.of("product: valence", 3L), 5, 40, 60, 800, 0),
        transforms,
        new RunSummary.DedupStats("bloom", "bloom (1 stage)", 1 << 20, 1e-9),
        new RunSummary.Performance(
            10.0, 100.0, 4, 2.0, 8.0, 18.0, 200L << 20, 210L << 20, 1024L << 20, 0, 0),
        List.of(
            new RowRejection(
                5,
                "id&5",
                "C1CC",
                new Rejection(Rejection.Stage.PARSE, "invalid SMILES: unclosed ring"))),
        timeline);
  }

  static List<RunTimeline.Sample> timeline() {
    List<RunTimeline.Sample> samples = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      samples.add(
          new RunTimeline.Sample(
              i + 1, (i + 1) * 100L, (i + 1) * 90L, (i + 1) * 80L, 100 + i, i % 4));
    }
    return samples;
  }

  private static ReportModel model(RunSummary summary) {
    ProductDepicter depicter = new ProductDepicter();
    List<DepictedProduct> samples =
        List.of(
            depicter.depict(
                0,
                new ProductRow(
                    "COc1ccccc1", "p1", "Oc1ccccc1", "methylation <O>", 0, new Object[0])),
            depicter.depict(
                9,
                new ProductRow(
                    "O=S(=O)(O)Oc1ccccc1", "p2", "Oc1ccccc1", "sulfation", 0, new Object[0])),
            depicter.depict(17, new ProductRow("C(C", "p3", "CCO", "sulfation", 2, new Object[0])));
    return new ReportModel(Path.of("out.parquet"), summary, samples, "test");
  }

  private static Map<String, Long> dataValues(String html) {
    Map<String, Long> values = new LinkedHashMap<>();
    Matcher m = Pattern.compile("data-key='([^']*)' data-value='(-?\\d+)'>([^<]*)<").matcher(html);
    while (m.find()) {
      values.put(m.group(1), Long.valueOf(m.group(2)));
      assertEquals(SvgCharts.count(Long.parseLong(m.group(2))), m.group(3), m.group(1));
    }
    return values;
  }

  private static int count(String html, String what) {
    int n = 0;
    for (int at = html.indexOf(what); at >= 0; at = html.indexOf(what, at + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void countsInTheTablesAreTheSummarys() {
    RunSummary s = summary(timeline());
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("rows.read", 1000L);
    expected.put("rows.parsed", 988L);
    expected.put("rows.withProducts", 288L);
    expected.put("rows.noSite", 700L);
    expected.put("rows.rejected", 12L);
    expected.put("products.generated", 900L);
    expected.put("products.inBatchDuplicates", 40L);
    expected.put("products.crossBatchDuplicates", 60L);
    expected.put("products.written", 800L);
    expected.put("products.rejected", 3L);
    expected.put("products.capped", 5L);
    expected.put("transforms.methylation &lt;O&gt;.generated", 600L);
    expected.put("transforms.methylation &lt;O&gt;.written", 520L);
    expected.put("transforms.sulfation.generated", 300L);
    expected.put("transforms.sulfation.written", 280L);
    s.rows()
        .rejectedByCategory()
        .forEach((k, v) -> expected.put("rows.rejectedByCategory." + k, v));
    expected.put("products.rejectedByCategory.product: valence", 3L);

    assertEquals(expected, dataValues(RunReport.html(model(s))));
    assertEquals(List.of(), s.identityViolations());
  }

  @Test
  void hasTheChartsAndTwoDrawingsPerDrawableSample() {
    String html = RunReport.html(model(summary(timeline())));

    // bars: per transform, rows rejected, products rejected; lines: rate, heap, in flight
    assertEquals(3, count(html, "<svg class='chart bars'"));
    assertEquals(3, count(html, "<svg class='chart lines'"));
    assertEquals(2, count(html, "<div class='mol parent'><svg "));
    assertEquals(2, count(html, "<div class='mol product'><svg "));
    assertEquals(3, count(html, "<div class='card'"));
    assertTrue(html.contains("product SMILES does not parse"), "the third sample's note");
    // in flight: one point per sample, and the bound as a dashed line
    Matcher inFlight =
        Pattern.compile(
                "<h3>Batches in flight</h3>.*?points='([^']*)'"
                    + ".*?stroke-dasharray='6 4' points='([^']*)'",
                Pattern.DOTALL)
            .matcher(html);
    assertTrue(inFlight.find());
    assertEquals(10, inFlight.group(1).split(" ").length);
    assertEquals(2, inFlight.group(2).split(" ").length);
    assertTrue(html.contains("--max-in-flight 4"));
    assertTrue(html.contains("The counts add up"));
  }

  @Test
  void rateLeavesOutABatchMillisecondsAfterThePreviousPoint() {
    List<RunTimeline.Sample> samples = new ArrayList<>(timeline());
    samples.add(new RunTimeline.Sample(10.001, 1010, 909, 808, 110, 0));

    String html = RunReport.html(model(summary(samples)));

    Matcher rate =
        Pattern.compile("<h3>Rate</h3>.*?points='([^']*)'", Pattern.DOTALL).matcher(html);
    assertTrue(rate.find());
    // one point per second-apart sample; 10 rows in 1 ms would be a spike of 10,000 rows/s
    assertEquals(10, rate.group(1).split(" ").length);
  }

  @Test
  void pageIsSelfContainedAndEscapesText() {
    String html = RunReport.html(model(summary(timeline())));

    for (String external :
        List.of("<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import")) {
      assertFalse(html.contains(external), external);
    }
    String withoutNamespaces =
        html.replace("xmlns='http://www.w3.org/2000/svg'", "")
            .replace("xmlns:xlink='http://www.w3.org/1999/xlink'", "");
    assertFalse(withoutNamespaces.contains("http"), "only SVG namespaces name a URL");
    assertFalse(html.contains("<O>"));
    assertTrue(html.contains("methylation &lt;O&gt;"));
    assertTrue(html.contains("<td>id&amp;5</td>"));
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.strip().endsWith("</html>"));
  }

  @Test
  void saysSoWhenTheSummaryHasNoTimeline() {
    String html = RunReport.html(model(summary(null)));

    assertTrue(html.contains("The summary has no timeline"));
    assertEquals(0, count(html, "<svg class='chart lines'"));
    assertEquals(3, count(html, "<svg class='chart bars'"));
  }

  @Test
  void showsCountsThatDoNotAddUp() {
    RunSummary good = summary(timeline());
    RunSummary.ProductCounts p = good.products();
    RunSummary bad =
        new RunSummary(
            good.input(),
            good.output(),
            good.settings(),
            good.rows(),
            new RunSummary.ProductCounts(
                p.generated(),
                p.rejected(),
                p.rejectedByCategory(),
                p.capped(),
                p.inBatchDuplicates(),
                p.crossBatchDuplicates(),
                p.written() + 1,
                p.fragmentsWritten()),
            good.transforms(),
            good.dedup(),
            good.performance(),
            good.rejectedExamples(),
            good.timeline());

    String html = RunReport.html(model(bad));

    assertTrue(html.contains("<p class='bad'>The counts do not add up:</p>"));
    assertTrue(html.contains(RunReport.escape(bad.identityViolations().get(0))));
  }

  @Test
  void writesThePageAtomicallyLeavingNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("report.html");
    ReportModel model = model(summary(timeline()));

    RunReport.write(model, target);
    RunReport.write(model, target); // replaces

    assertEquals(RunReport.html(model), Files.readString(target));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
  }
}
