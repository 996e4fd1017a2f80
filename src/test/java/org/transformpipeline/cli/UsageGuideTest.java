package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;
import org.transformpipeline.testing.Ci;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * USAGE_GUIDE.md stays organised and its DuckDB recipes run: the table of contents lists every
 * section and each of its links lands on a heading; every {@code duckdb -c "..."} line runs through
 * DuckDB JDBC (the CLI is not needed) on files made by {@code convert} and {@code apply}, and gives
 * what the recipe says; every {@code jq} line of its bash recipes runs on the summary of a real run
 * (jq must be installed in CI); the summary fields and the option tables it lists are the JSON's
 * keys and the commands' options.
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

  /**
   * A run with rejected rows (a null, an empty and an unparsable SMILES among 30 polyphenols), its
   * summary at the path it returns.
   */
  private Path summaryOfARunWithRejects() throws Exception {
    List<String> cells = new ArrayList<>();
    List<String> lines = Files.readAllLines(Path.of("test-data/polyphenols_first_2k.smi"));
    for (String line : lines.subList(0, 30)) {
      String[] fields = line.split("\\s+", 2);
      cells.add(fields[0]);
      cells.add(fields[1]);
    }
    cells.addAll(Arrays.asList(null, "null-cell", "", "empty-cell", "C1CC(", "unclosed-ring"));
    Path library = Libraries.withRows(dir.resolve("library.parquet"), cells);
    Path products = dir.resolve("products.parquet");
    cli(
        "apply",
        "--input",
        library.toString(),
        "--output",
        products.toString(),
        "--only",
        "phenol_o_methylation,phenol_o_sulfation",
        "--batch-size",
        "7",
        "--quiet");
    return SummaryReport.jsonPathFor(products);
  }

  /** The lines of the guide's bash blocks that run jq, e.g. {@code jq -r '...' FILE}. */
  private static List<String> jqLines() throws IOException {
    List<String> jq = new ArrayList<>();
    boolean inBash = false;
    for (String line : Files.readAllLines(GUIDE)) {
      if (line.startsWith("```")) {
        inBash = !inBash && line.equals("```bash");
      } else if (inBash && line.strip().startsWith("jq ")) {
        jq.add(line.strip());
      }
    }
    return jq;
  }

  /** jq on the PATH; in CI (CI set) it must be there, elsewhere its absence skips the test. */
  private static void requireJq() throws Exception {
    Process which = new ProcessBuilder("bash", "-c", "command -v jq").start();
    boolean found = which.waitFor() == 0;
    if (!found && Ci.isSet()) {
      throw new AssertionError("jq is not installed, and CI is set: .ci/run installs it");
    }
    assumeTrue(found, "SKIPPED: jq not found (apt-get install jq); the guide's jq recipes");
  }

  /**
   * Runs a jq line of the guide in bash, with the summary file of a real run in place of the file
   * the recipe names ({@code "$summary"} or {@code X.summary.json}): its stdout.
   */
  private String runJq(String line, Path summary) throws Exception {
    String command = line.replaceAll("\"\\$summary\"|[\\w.-]+\\.summary\\.json", "\"\\$summary\"");
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(dir.toFile());
    builder.environment().put("summary", summary.toString());
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), command);
    return out;
  }

  @Test
  void jqRecipesGiveTheSummarysCountsOnARealRun() throws Exception {
    requireJq();
    List<String> lines = jqLines();
    assertEquals(5, lines.size(), "jq lines in the guide, each checked here: " + lines);
    Path summaryFile = summaryOfARunWithRejects();
    RunSummary summary = SummaryReport.readJson(summaryFile);
    assertTrue(summary.rows().rejected() == 3 && summary.products().written() > 0);
    Map<String, String> results = new LinkedHashMap<>();
    for (String line : lines) {
      results.put(line, runJq(line, summaryFile));
    }

    StringBuilder perTransform = new StringBuilder();
    summary
        .transforms()
        .forEach(
            (name, c) -> perTransform.append(name).append('\t').append(c.written()).append('\n'));
    assertEquals(perTransform.toString(), jqResult(results, ".transforms | to_entries[]"));

    ObjectMapper json = new ObjectMapper();
    assertEquals(
        json.readTree(
            "{\"read\": "
                + summary.rows().read()
                + ", \"written\": "
                + summary.products().written()
                + ", \"rejected\": "
                + (summary.rows().rejected() + summary.products().rejected())
                + "}"),
        json.readTree(jqResult(results, "{read: .rows.read")));

    List<String> categories = new ArrayList<>();
    json.getFactory()
        .createParser(jqResult(results, ".rows.rejectedByCategory, .products.rejectedByCategory"))
        .readValuesAs(JsonNode.class)
        .forEachRemaining(node -> categories.add(node.toString()));
    assertEquals(
        List.of(
            json.writeValueAsString(summary.rows().rejectedByCategory()),
            json.writeValueAsString(summary.products().rejectedByCategory())),
        categories);

    assertEquals("", jqResult(results, "-e '.products.written > 0'"), "products were written");

    // the first rejected rows, flat (rowNumber, id, stage, reason), as in the rejects file
    List<String> expected = new ArrayList<>();
    for (String row :
        Libraries.query(
            "SELECT row_number, id, stage, reason FROM '"
                + dir.resolve("products.parquet.rejects.parquet")
                + "' WHERE transform IS NULL ORDER BY row_number LIMIT 20")) {
      expected.add(row.replace(" | ", "\t"));
    }
    assertEquals(3, expected.size(), expected.toString());
    assertEquals(expected, jqResult(results, "-r '.rejectedExamples[]").lines().toList());
  }

  private static String jqResult(Map<String, String> results, String filterStart) {
    return results.entrySet().stream()
        .filter(e -> e.getKey().contains(filterStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("a jq recipe with " + filterStart))
        .getValue();
  }

  @Test
  void theRejectsQueryOfTheGuideCountsWhatTheSummaryCounts() throws Exception {
    Matcher sql = Pattern.compile("(?s)```sql\n(.*?);?\n```").matcher(Files.readString(GUIDE));
    assertTrue(sql.find(), "a sql block in the guide");
    String query = sql.group(1);
    assertFalse(sql.find(), "one sql block");
    RunSummary summary = SummaryReport.readJson(summaryOfARunWithRejects());
    assertEquals(0, summary.products().rejected(), "no product rejects in this fixture");

    Map<String, Long> byStage = new TreeMap<>();
    summary
        .rows()
        .rejectedByCategory()
        .forEach(
            (category, n) ->
                byStage.merge(
                    category.substring(0, category.indexOf(':')).toUpperCase(Locale.ROOT),
                    n,
                    Long::sum));
    List<String> expected = new ArrayList<>();
    byStage.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> expected.add(e.getKey() + " | null | " + e.getValue()));
    assertEquals(List.of("INPUT | null | 2", "PARSE | null | 1"), expected);
    assertEquals(expected, run(inDir(query)));
  }

  /**
   * The keys the guide's summary table lists in backquotes for {@code field}, e.g. {@code
   * rejectedExamples}.
   */
  private static List<String> documentedKeys(String field) throws IOException {
    String row =
        Files.readAllLines(GUIDE).stream()
            .filter(l -> l.startsWith("| `" + field + "` |"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("a summary table row for " + field));
    String meaning = row.substring(row.indexOf('|', 2) + 1);
    List<String> keys = new ArrayList<>();
    Matcher key = Pattern.compile("`(\\w+)`").matcher(meaning);
    while (key.find()) {
      keys.add(key.group(1));
    }
    return keys;
  }

  private static List<String> jsonKeys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void theSummaryFieldsTheGuideListsAreTheKeysOfTheJson() throws Exception {
    JsonNode summary = new ObjectMapper().readTree(summaryOfARunWithRejects().toFile());

    assertEquals(
        jsonKeys(summary.get("rejectedExamples").get(0)), documentedKeys("rejectedExamples"));
    assertEquals(jsonKeys(summary.get("timeline").get(0)), documentedKeys("timeline"));
    assertEquals(jsonKeys(summary.get("settings")), documentedKeys("settings"));
  }

  /**
   * The options in the first cell of each row of the first {@code | option |} table after the
   * heading {@code heading}: every name that starts with "--".
   */
  private static Set<String> documentedOptions(String heading) throws IOException {
    List<String> lines = Files.readAllLines(GUIDE);
    int at = lines.indexOf(heading);
    assertTrue(at >= 0, "a heading " + heading);
    while (!lines.get(at).startsWith("| option |")) {
      at++;
    }
    Set<String> options = new TreeSet<>();
    for (at += 2; at < lines.size() && lines.get(at).startsWith("|"); at++) {
      String first = lines.get(at).substring(1, lines.get(at).indexOf('|', 1));
      Matcher option = Pattern.compile("--[a-z][a-z-]*").matcher(first);
      while (option.find()) {
        options.add(option.group());
      }
    }
    return options;
  }

  /** Every long option name of a command (aliases too) but --help, --version and hidden ones. */
  private static Set<String> cliOptions(String path) {
    CommandLine command = TransformCli.commandLine();
    for (String name : path.split(" ")) {
      command = command.getSubcommands().get(name);
    }
    Set<String> options = new TreeSet<>();
    for (OptionSpec option : command.getCommandSpec().options()) {
      if (option.hidden()) {
        continue; // for tests, not in the help either
      }
      for (String name : option.names()) {
        if (name.startsWith("--") && !name.equals("--help") && !name.equals("--version")) {
          options.add(name);
        }
      }
    }
    return options;
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "## Options, apply",
    "## `convert`, convert",
    "## `inspect`, inspect",
    "## Run report, report",
    "### `transforms list`, transforms list",
    "### `transforms check`, transforms check"
  })
  void eachCommandsOptionTableInTheGuideListsExactlyItsOptions(String heading, String command)
      throws IOException {
    Set<String> documented = documentedOptions(heading);
    documented.removeAll(Set.of("--help", "--version"));
    assertEquals(cliOptions(command), documented, heading);
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
