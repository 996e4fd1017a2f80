package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;

/**
 * USAGE_GUIDE.md stays organised and its DuckDB recipes run: the table of contents lists every
 * section and each of its links lands on a heading; every {@code duckdb -c "..."} line runs through
 * DuckDB JDBC (the CLI is not needed) on files made by {@code convert} and {@code apply}, and gives
 * what the recipe says.
 */
class UsageGuideTest {

  static final Path GUIDE = Path.of("USAGE_GUIDE.md");

  @TempDir Path dir;

  @Test
  void tableOfContentsListsEverySectionAndEachLinkLandsOnAHeading() throws IOException {
    List<String> lines = Files.readAllLines(GUIDE);
    int contents = lines.indexOf("## Contents");
    assertTrue(contents > 0, "a ## Contents section");
    int end = contents + 1;
    while (end < lines.size() && !lines.get(end).startsWith("## ")) {
      end++;
    }
    String toc = String.join("\n", lines.subList(contents, end));
    List<String> anchors = new ArrayList<>();
    Matcher link = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(toc);
    while (link.find()) {
      anchors.add(link.group(1));
    }
    Map<String, String> headings = new LinkedHashMap<>();
    boolean inCode = false;
    for (String line : lines.subList(end, lines.size())) {
      inCode ^= line.startsWith("```");
      if (!inCode && line.matches("#{2,3} .*")) {
        headings.put(anchor(line.replaceFirst("#+ ", "")), line);
      }
    }
    for (Map.Entry<String, String> heading : headings.entrySet()) {
      if (heading.getValue().startsWith("## ")) {
        assertTrue(anchors.contains(heading.getKey()), heading.getValue() + " is in the contents");
      }
    }
    for (String anchor : anchors) {
      assertTrue(
          headings.containsKey(anchor), "#" + anchor + " is a heading: " + headings.keySet());
    }
    assertTrue(anchors.contains("recipes") && anchors.size() > 10, anchors.toString());
  }

  /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
  static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
  }

  @Test
  void duckDbRecipesRunOnTheFilesTheToolWrites() throws Exception {
    List<String> statements = new ArrayList<>();
    Matcher duckdb = Pattern.compile("(?m)^duckdb -c \"(.*)\"$").matcher(Files.readString(GUIDE));
    while (duckdb.find()) {
      statements.add(duckdb.group(1));
    }
    assertEquals(6, statements.size(), "duckdb lines in the guide: " + statements);

    Path smi = dir.resolve("polyphenols.smi");
    Files.write(
        smi, Files.readAllLines(Path.of("test-data/polyphenols_first_2k.smi")).subList(0, 40));
    Path library = dir.resolve("library.parquet");
    Path products = dir.resolve("products.parquet");
    cli("convert", "--input", smi.toString(), "--output", library.toString());
    cli(
        "apply",
        "--input",
        library.toString(),
        "--output",
        products.toString(),
        "--only",
        "phenol_o_methylation,phenol_o_sulfation",
        "--quiet");
    RunSummary summary = SummaryReport.readJson(SummaryReport.jsonPathFor(products));

    Map<String, List<String>> results = new LinkedHashMap<>();
    for (String sql : statements) {
      results.put(sql, run(inDir(sql)));
    }

    Map<String, String> perTransform = new TreeMap<>();
    summary
        .transforms()
        .forEach((name, counts) -> perTransform.put(name, name + " | " + counts.written()));
    assertEquals(List.copyOf(perTransform.values()), resultOf(results, "SELECT transform,"));
    List<String> topParents = resultOf(results, "SELECT parent_id,");
    assertEquals(10, topParents.size(), topParents.toString());

    List<String> sulfates = Files.readAllLines(dir.resolve("sulfates.csv"));
    assertEquals("product_smiles,parent_id", sulfates.get(0));
    assertEquals(summary.transforms().get("phenol_o_sulfation").written(), sulfates.size() - 1);

    List<String> parts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      parts.addAll(run("SELECT smiles, id FROM '" + dir.resolve("part-" + i + ".parquet") + "'"));
    }
    assertEquals(
        run("SELECT smiles, id FROM '" + library + "'"), parts, "the parts are the library");
    assertEquals(
        List.of("smiles", "id"),
        run(
            "SELECT column_name FROM (DESCRIBE SELECT * FROM '"
                + dir.resolve("part-1.parquet")
                + "')"),
        "no row-number column left in a part");
  }

  private static List<String> resultOf(Map<String, List<String>> results, String start) {
    return results.entrySet().stream()
        .filter(e -> e.getKey().startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("a recipe starting with " + start))
        .getValue();
  }

  /** The recipe's statement with every quoted file name moved into the temporary directory. */
  private String inDir(String sql) {
    Matcher file = Pattern.compile("'([\\w.-]+\\.(?:parquet|csv))'").matcher(sql);
    return file.replaceAll(m -> Matcher.quoteReplacement("'" + dir.resolve(m.group(1)) + "'"));
  }

  private static void cli(String... args) {
    StringWriter err = new StringWriter();
    int exit = TransformCli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(0, exit, err.toString());
  }

  /** Runs one statement; the rows of its result, values joined by " | " (COPY gives its count). */
  private static List<String> run(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      if (s.execute(sql)) {
        try (ResultSet rs = s.getResultSet()) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
              values.add(String.valueOf(rs.getObject(i)));
            }
            rows.add(String.join(" | ", values));
          }
        }
      }
    }
    return rows;
  }
}
