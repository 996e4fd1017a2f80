package org.transformpipeline.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.transformpipeline.pipeline.RowRejection;
import org.transformpipeline.pipeline.RunSummary;

/**
 * Renders a {@link ReportModel} as ONE self-contained HTML page: inline CSS, inline SVG charts and
 * molecule drawings, no scripts, fonts or anything fetched when the page is viewed. Sections: run
 * settings, the summary table, products per transform, rate, heap and batches in flight over time,
 * reject reasons, and the sampled products with their parents.
 *
 * <p>Every count cell carries {@code data-key} (e.g. {@code rows.read}) so tools and tests can read
 * the numbers back. Stateless, thread-safe.
 */
public final class RunReport {

  static final String GENERATED = "#4E79A7";
  static final String WRITTEN = "#59A14F";
  static final String REJECTED = "#E15759";

  private static final String CSS =
      """
      body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;\
      margin:24px auto;max-width:1240px;padding:0 16px;color:#222;background:#fff}
      h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.2em;border-bottom:1px solid #ddd;\
      padding-bottom:4px;margin-top:32px}h3{font-size:1em;margin:16px 0 6px}
      .sub{color:#555;margin:2px 0}code,.smiles{font-family:'DejaVu Sans Mono',monospace;\
      font-size:.85em;word-break:break-all}
      table{border-collapse:collapse;margin:6px 0}td:first-child{white-space:nowrap}td,th{padding:3px 10px;border-bottom:1px solid\
       #eee;text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:\
      tabular-nums}th{background:#f5f5f5}.ok{color:#2a7a2a}.bad{color:#b00020;font-weight:bold}
      svg.chart{max-width:100%;height:auto;display:block;margin:8px 0}
      svg.chart .label{font-size:12px;fill:#333}svg.chart .grid{stroke:#e4e4e4}\
      svg.chart .axis,svg.chart .tick{stroke:#888}
      .grid2{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:14px}
      .card{border:1px solid #ddd;border-radius:6px;padding:8px;background:#fcfcfc}
      .pair{display:flex;align-items:center;gap:4px}.pair .mol{flex:1;min-width:0}
      .mol svg{width:100%;height:auto;max-width:280px;display:block;margin:auto}
      .arrow{font-size:22px;color:#888}.caption{font-size:.85em;color:#444;margin-top:4px}
      .note{color:#8a5a00;font-size:.85em}.swatch{display:inline-block;width:12px;height:12px;\
      border-radius:6px;vertical-align:middle;margin:0 4px}
      """;

  private RunReport() {}

  /** Writes the page to {@code target} atomically (a temp file next to it, then a rename). */
  public static void write(ReportModel model, Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temp =
        absolute.resolveSibling(
            "."
                + absolute.getFileName()
                + "."
                + Long.toHexString(new SecureRandom().nextLong())
                + ".tmp");
    try {
      try (Writer out =
          Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
        out.write(html(model));
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The whole page. */
  public static String html(ReportModel model) {
    RunSummary s = model.summary();
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>")
        .append("<meta name='viewport' content='width=device-width, initial-scale=1'>")
        .append("<title>Run report: ")
        .append(escape(model.products().getFileName().toString()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>\n");
    b.append("<h1>Transform run report</h1>");
    b.append("<p class='sub'>Products <code>")
        .append(escape(model.products().toString()))
        .append("</code> from <code>")
        .append(escape(s.input()))
        .append("</code></p>");
    b.append("<p class='sub'>transform-pipeline ")
        .append(escape(model.toolVersion()))
        .append("</p>\n");
    settings(b, s.settings());
    summary(b, s);
    transforms(b, s.transforms());
    generations(b, s.generations());
    TimelineCharts.section(b, s);
    rejects(b, s);
    SampleGrid.section(b, model.samples(), s.products().written());
    return b.append("</body></html>\n").toString();
  }

  private static void settings(StringBuilder b, RunSummary.Settings o) {
    b.append("<section id='settings'><h2>Run settings</h2>");
    if (o == null) {
      b.append("<p>The summary records no settings.</p></section>\n");
      return;
    }
    b.append("<table>");
    row(b, "Workers", o.workers());
    row(b, "Max batches in flight", o.maxInFlight());
    row(b, "Batch size (rows)", o.batchSize());
    row(b, "Dedup", o.dedup());
    row(b, "Expected products", SvgCharts.count(o.expectedProducts()));
    if ("bloom".equals(o.dedup())) {
      row(b, "Bloom false-positive rate", String.format(Locale.ROOT, "%.3g", o.bloomFpp()));
    }
    row(b, "Max products per parent", o.maxProductsPerParent());
    row(b, "Transforms", String.join(", ", o.transforms()));
    b.append("</table></section>\n");
  }

  private static void summary(StringBuilder b, RunSummary s) {
    b.append("<section id='summary'><h2>Summary</h2><table>");
    b.append("<tr><th>Input rows</th><th></th></tr>");
    RunSummary.RowCounts r = s.rows();
    count(b, "rows.read", "Rows read", r.read());
    count(b, "rows.parsed", "parsed", r.parsed());
    count(b, "rows.withProducts", "with products", r.withProducts());
    count(b, "rows.noSite", "no site matched", r.noSite());
    count(b, "rows.rejected", "rejected", r.rejected());
    b.append("<tr><th>Products</th><th></th></tr>");
    RunSummary.ProductCounts p = s.products();
    count(b, "products.generated", "Generated (valid, before dedup)", p.generated());
    count(b, "products.inBatchDuplicates", "in-batch duplicates", p.inBatchDuplicates());
    count(b, "products.crossBatchDuplicates", "cross-batch duplicates", p.crossBatchDuplicates());
    count(b, "products.written", "written", p.written());
    count(b, "products.rejected", "Rejected (failed validation)", p.rejected());
    count(b, "products.capped", "Capped (not made: per-parent cap)", p.capped());
    b.append("<tr><th>Run</th><th></th></tr>");
    RunSummary.Performance f = s.performance();
    RunSummary.DedupStats d = s.dedup();
    if (d != null) {
      row(b, "Dedup", d.description());
      row(
          b,
          "Dedup memory",
          mb(d.memoryBytes())
              + ("bloom".equals(d.mode())
                  ? String.format(
                      Locale.ROOT, ", expected false drops %.3g", d.expectedFalseDrops())
                  : ""));
    }
    if (f != null) {
      row(
          b,
          "Elapsed",
          String.format(
              Locale.ROOT,
              "%.1f s (%s rows/s)",
              f.elapsedSeconds(),
              SvgCharts.count(Math.round(f.rowsPerSecond()))));
      row(b, "Max batches in flight observed", f.maxInFlightObserved());
      row(
          b,
          "Consumer",
          String.format(
              Locale.ROOT,
              "busy %.1f s, waiting %.1f s",
              f.consumerBusySeconds(),
              f.consumerWaitSeconds()));
      row(b, "Worker time (sum)", String.format(Locale.ROOT, "%.1f s", f.workerSeconds()));
      row(
          b,
          "Peak heap",
          mb(f.peakHeapUsedBytes())
              + " sampled, "
              + mb(f.peakHeapPoolBytes())
              + " by memory pools, of "
              + mb(f.heapMaxBytes())
              + " max");
    }
    b.append("</table>");
    List<String> violations = s.identityViolations();
    if (violations.isEmpty()) {
      b.append(
          "<p class='ok'>The counts add up: every row read ended with products, no site or"
              + " a rejection, and every product generated was a duplicate or written.</p>");
    } else {
      b.append("<p class='bad'>The counts do not add up:</p><ul>");
      violations.forEach(v -> b.append("<li>").append(escape(v)).append("</li>"));
      b.append("</ul>");
    }
    b.append("</section>\n");
  }

  private static void transforms(StringBuilder b, Map<String, RunSummary.TransformCounts> byName) {
    b.append("<section id='transforms'><h2>Products per transform</h2>");
    if (byName.isEmpty()) {
      b.append("<p>No transform made a product.</p></section>\n");
      return;
    }
    List<String> names = new ArrayList<>(byName.keySet());
    List<Long> generated = names.stream().map(n -> byName.get(n).generated()).toList();
    List<Long> written = names.stream().map(n -> byName.get(n).written()).toList();
    b.append(
        SvgCharts.bars(
            names,
            List.of(
                new SvgCharts.Bars("generated", GENERATED, generated),
                new SvgCharts.Bars("written (unique)", WRITTEN, written))));
    b.append("<table><tr><th>Transform</th><th>Generated</th><th>Written</th></tr>");
    for (String name : names) {
      RunSummary.TransformCounts c = byName.get(name);
      b.append("<tr><td>").append(escape(name)).append("</td>");
      cell(b, "transforms." + name + ".generated", c.generated());
      cell(b, "transforms." + name + ".written", c.written());
      b.append("</tr>");
    }
    b.append("</table></section>\n");
  }

  /** Each generation's parents, products and peaks; nothing for a one-generation run. */
  private static void generations(StringBuilder b, List<RunSummary.GenerationCounts> generations) {
    if (generations.size() < 2) {
      return;
    }
    b.append("<section id='generations'><h2>Products per generation</h2>");
    b.append(
        SvgCharts.bars(
            generations.stream().map(g -> "generation " + g.generation()).toList(),
            List.of(
                new SvgCharts.Bars(
                    "generated",
                    GENERATED,
                    generations.stream().map(g -> g.products().generated()).toList()),
                new SvgCharts.Bars(
                    "written (unique)",
                    WRITTEN,
                    generations.stream().map(g -> g.products().written()).toList()))));
    b.append(
        "<table><tr><th>Generation</th><th>Transforms</th><th>Parents</th><th>Generated</th>"
            + "<th>Duplicates</th><th>Pruned</th><th>Written</th><th>Products/s</th>"
            + "<th>Peak heap</th><th>Peak RSS</th></tr>");
    for (RunSummary.GenerationCounts g : generations) {
      RunSummary.ProductCounts p = g.products();
      String key = "generations." + g.generation() + ".";
      b.append("<tr><td>").append(g.generation()).append("</td><td>");
      b.append(escape(g.transforms())).append("</td>");
      cell(b, key + "parents", g.parents().read());
      cell(b, key + "generated", p.generated());
      cell(
          b,
          key + "duplicates",
          p.inBatchDuplicates() + p.crossBatchDuplicates() + p.inputDuplicates());
      cell(b, key + "pruned", p.belowMinScore() + p.cappedPerRoot());
      cell(b, key + "written", p.written());
      cell(b, key + "productsPerSecond", Math.round(g.productsPerSecond()));
      b.append("<td class='n'>").append(mb(g.peakHeapPoolBytes())).append("</td>");
      b.append("<td class='n'>").append(mb(g.peakRssBytes())).append("</td></tr>");
    }
    b.append("</table></section>\n");
  }

  private static void rejects(StringBuilder b, RunSummary s) {
    b.append("<section id='rejects'><h2>Reject reasons</h2>");
    Map<String, Long> rows = s.rows().rejectedByCategory();
    Map<String, Long> products = s.products().rejectedByCategory();
    if (rows.isEmpty() && products.isEmpty()) {
      b.append("<p>No rows or products were rejected.</p></section>\n");
      return;
    }
    categories(b, "Rows rejected", "rows.rejectedByCategory.", rows);
    categories(b, "Products rejected", "products.rejectedByCategory.", products);
    List<RowRejection> examples = s.rejectedExamples();
    if (examples != null && !examples.isEmpty()) {
      b.append(
          "<h3>First rejected rows</h3><table><tr><th>Row</th><th>Id</th><th>Stage</th>"
              + "<th>Reason</th><th>SMILES</th></tr>");
      for (RowRejection e : examples) {
        b.append("<tr><td class='n'>")
            .append(e.rowNumber())
            .append("</td><td>")
            .append(escape(e.id()))
            .append("</td><td>")
            .append(escape(e.rejection().stage().name().toLowerCase(Locale.ROOT)))
            .append("</td><td>")
            .append(escape(e.rejection().reason()))
            .append("</td><td class='smiles'>")
            .append(escape(e.smiles()))
            .append("</td></tr>");
      }
      b.append("</table>");
    }
    b.append("</section>\n");
  }

  private static void categories(
      StringBuilder b, String title, String keyPrefix, Map<String, Long> byCategory) {
    if (byCategory.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>(byCategory.keySet());
    b.append("<h3>").append(title).append("</h3>");
    b.append(
        SvgCharts.bars(
            names,
            List.of(
                new SvgCharts.Bars(
                    title.toLowerCase(Locale.ROOT),
                    REJECTED,
                    names.stream().map(byCategory::get).toList()))));
    b.append("<table><tr><th>Reason</th><th>Count</th></tr>");
    for (String name : names) {
      b.append("<tr><td>").append(escape(name)).append("</td>");
      cell(b, keyPrefix + name, byCategory.get(name));
      b.append("</tr>");
    }
    b.append("</table>");
  }

  private static void row(StringBuilder b, String label, Object value) {
    b.append("<tr><td>")
        .append(escape(label))
        .append("</td><td>")
        .append(escape(String.valueOf(value)))
        .append("</td></tr>");
  }

  private static void count(StringBuilder b, String key, String label, long value) {
    b.append("<tr><td>").append(escape(label)).append("</td>");
    cell(b, key, value);
    b.append("</tr>");
  }

  private static void cell(StringBuilder b, String key, long value) {
    b.append("<td class='n' data-key='")
        .append(escape(key))
        .append("' data-value='")
        .append(value)
        .append("'>")
        .append(SvgCharts.count(value))
        .append("</td>");
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }

  /** Text made safe for HTML and SVG content and quoted attributes; null as empty. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
