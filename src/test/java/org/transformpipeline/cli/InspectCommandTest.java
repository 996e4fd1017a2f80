package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transformpipeline.testing.DuckDb.parquet;
import static org.transformpipeline.testing.DuckDb.query;
import static org.transformpipeline.testing.DuckDb.scalar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;
import org.transformpipeline.testing.DuckDb;

class InspectCommandTest {

  @TempDir static Path dir;
  static Path products;
  static RunSummary summary;

  /** An output of apply on a few phenols, made through the command line. */
  @BeforeAll
  static void applyOutput() throws IOException {
    Path smi =
        Files.writeString(
            dir.resolve("phenols.smi"),
            "Oc1ccccc1 phenol\n"
                + "Oc1ccc(O)cc1 hydroquinone\n"
                + "Cc1ccc(O)cc1 p-cresol\n"
                + "C1CCCCC1 hexane\n");
    Path library = dir.resolve("phenols.parquet");
    CliRuns.Run convert =
        CliRuns.run("convert", "--input", smi.toString(), "--output", library.toString());
    assertEquals(0, convert.exit(), convert.err());
    products = dir.resolve("products.parquet");
    CliRuns.Run apply =
        CliRuns.run(
            "apply",
            "--input",
            library.toString(),
            "--output",
            products.toString(),
            "--only",
            "phenol_o_methylation,phenol_o_sulfation",
            "--quiet");
    assertEquals(0, apply.exit(), apply.err());
    summary = SummaryReport.readJson(SummaryReport.jsonPathFor(products));
  }

  private static CliRuns.Run inspect(String... args) {
    List<String> all = new ArrayList<>(List.of("inspect"));
    all.addAll(List.of(args));
    CliRuns.Run run = CliRuns.run(all.toArray(String[]::new));
    return run;
  }

  /** Products per transform, counted by DuckDB. */
  private static Map<String, Long> perTransform(Path file) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (List<Object> row :
        query("SELECT transform, count(*) FROM " + parquet(file) + " GROUP BY 1 ORDER BY 1")) {
      counts.put((String) row.get(0), (Long) row.get(1));
    }
    return counts;
  }

  private static void assertLine(String text, String regex) {
    assertTrue(
        Pattern.compile("^" + regex + "$", Pattern.MULTILINE).matcher(text).find(),
        regex + " in:\n" + text);
  }

  @Test
  void anApplyOutputShowsItsSchemaRowsMetadataAndRunSummary() throws IOException {
    CliRuns.Run run = inspect(products.toString(), "--rows", "2");

    assertEquals(0, run.exit(), run.err());
    String out = run.out();
    long rows = (Long) scalar("SELECT count(*) FROM " + parquet(products));
    assertEquals(summary.products().written(), rows);
    assertLine(out, "File +" + Pattern.quote(products.toString()));
    assertLine(
        out, "Size +" + String.format(Locale.ROOT, "%,d", Files.size(products)) + " bytes .*");
    assertLine(out, "Rows +" + String.format(Locale.ROOT, "%,d", rows));
    assertLine(out, "Compression +ZSTD");
    assertLine(out, "Row groups +1");
    assertLine(
        out,
        "  #0 +"
            + String.format(Locale.ROOT, "%,d", rows)
            + " rows, .* uncompressed, .* compressed");
    assertLine(out, "Columns +11");
    assertLine(out, "  product_smiles +BINARY +STRING +REQUIRED +\\d.*");
    assertLine(out, "  site +INT32 +- +REQUIRED +\\d.*");
    assertLine(out, "  fragment +INT32 +- +REQUIRED +\\d.*");
    assertLine(out, "  transform-pipeline\\.transforms = phenol_o_methylation,phenol_o_sulfation");
    assertLine(out, "First 2 rows");
    List<List<Object>> first =
        query(
            "SELECT product_smiles, parent_id, transform, site FROM read_parquet('"
                + products
                + "', file_row_number = true) ORDER BY file_row_number LIMIT 2");
    // eleven product columns: each row is shown one column a line
    for (int i = 0; i < first.size(); i++) {
      List<Object> row = first.get(i);
      assertLine(out, "  row " + i);
      assertLine(out, "    product_smiles +" + Pattern.quote((String) row.get(0)));
      assertLine(out, "    transform +" + row.get(2));
      assertLine(out, "    root_id +" + row.get(1));
      assertLine(out, "    pathway +" + row.get(2));
    }
    assertLine(
        out,
        "Apply summary \\(from "
            + Pattern.quote(SummaryReport.jsonPathFor(products).toString())
            + "\\)");
    RunSummary.RowCounts r = summary.rows();
    assertLine(
        out,
        "  rows read 4: "
            + r.withProducts()
            + " with products, "
            + r.noSite()
            + " no site matched, 0 rejected");
    assertEquals(perTransform(products).keySet(), summary.transforms().keySet());
    summary
        .transforms()
        .forEach(
            (name, c) -> assertLine(out, "  " + name + " +" + c.generated() + " +" + c.written()));
    assertFalse(out.contains("warning"), out);
  }

  @Test
  void withoutItsSummaryTheProductsPerTransformAreCountedInTheFile() throws IOException {
    Path copy = Files.copy(products, dir.resolve("copy.parquet"));

    CliRuns.Run run = inspect(copy.toString(), "--rows", "0");

    assertEquals(0, run.exit(), run.err());
    assertLine(
        run.out(),
        "Products per transform \\(counted in the file; no summary at "
            + Pattern.quote(SummaryReport.jsonPathFor(copy).toString())
            + "\\)");
    perTransform(copy).forEach((name, n) -> assertLine(run.out(), "  " + name + " +" + n));
    assertFalse(run.out().contains("First "), "--rows 0 shows no rows");
  }

  @Test
  void jsonHasTheSameFactsInFull() throws IOException {
    CliRuns.Run run = inspect(products.toString(), "--json", "--rows", "3");

    assertEquals(0, run.exit(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(products.toString(), json.get("file").asText());
    assertEquals(Files.size(products), json.at("/footer/fileSizeBytes").asLong());
    assertEquals(summary.products().written(), json.at("/footer/rowCount").asLong());
    List<String> names = new ArrayList<>();
    json.at("/footer/columns").forEach(c -> names.add(c.get("name").asText()));
    assertEquals(List.copyOf(DuckDb.columnTypes(products).keySet()), names);
    assertEquals("ZSTD", json.at("/footer/codecs/0").asText());
    assertEquals(
        "phenol_o_methylation,phenol_o_sulfation",
        json.at("/footer/metadata/transform-pipeline.transforms").asText());
    assertEquals(3, json.get("firstRows").size());
    List<Object> first =
        query(
                "SELECT product_smiles, parent_id, site::VARCHAR FROM read_parquet('"
                    + products
                    + "', file_row_number = true) ORDER BY file_row_number LIMIT 1")
            .get(0);
    JsonNode row = json.at("/firstRows/0");
    assertEquals(
        first,
        List.of(
            row.get("product_smiles").asText(),
            row.get("parent_id").asText(),
            row.get("site").asText()));
    assertEquals("summary", json.at("/apply/source").asText());
    summary
        .transforms()
        .forEach(
            (name, c) -> {
              assertEquals(
                  c.generated(), json.at("/apply/transforms/" + name + "/generated").asLong());
              assertEquals(c.written(), json.at("/apply/transforms/" + name + "/written").asLong());
            });
    assertEquals(summary.rows().read(), json.at("/apply/rows/read").asLong());
  }

  @Test
  void aSummaryThatDoesNotMatchTheFileIsReportedAsStale() throws IOException {
    Path other = Files.copy(products, dir.resolve("other.parquet"));
    String stale =
        Files.readString(SummaryReport.jsonPathFor(products))
            .replace(
                "\"written\" : " + summary.products().written(),
                "\"written\" : " + (summary.products().written() + 7));
    Files.writeString(SummaryReport.jsonPathFor(other), stale);

    CliRuns.Run run = inspect(other.toString());

    assertEquals(0, run.exit(), run.err());
    assertLine(
        run.out(),
        "  warning: the summary says "
            + (summary.products().written() + 7)
            + " products were written but the file has "
            + summary.products().written()
            + " rows: the summary may belong to an earlier run");
  }

  @Test
  void anyParquetFileShowsLogicalTypesRowGroupsAndNoApplySummary() {
    Path typed = dir.resolve("typed.parquet");
    DuckDb.execute(
        "COPY (SELECT i AS n, (i / 4)::DECIMAL(18,4) AS price, DATE '2024-01-01' + i::INTEGER"
            + " AS day, CASE WHEN i % 2 = 0 THEN 'even' END AS label FROM range(5000) t(i))"
            + " TO '"
            + typed
            + "' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
    List<List<Object>> groups =
        query(
            "SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata('"
                + typed
                + "') ORDER BY 1");
    assertTrue(groups.size() > 1, "DuckDB wrote several row groups: " + groups);

    CliRuns.Run run = inspect(typed.toString(), "--rows", "3");

    assertEquals(0, run.exit(), run.err());
    String out = run.out();
    assertLine(out, "Rows +5,000");
    assertLine(out, "Row groups +" + groups.size());
    for (List<Object> group : groups) {
      assertLine(
          out,
          "  #"
              + group.get(0)
              + " +"
              + String.format(Locale.ROOT, "%,d", group.get(1))
              + " rows, .*");
    }
    assertLine(out, "  price +INT64 +DECIMAL\\(18,4\\) +OPTIONAL +.*");
    assertLine(out, "  day +INT32 +DATE +OPTIONAL +.*");
    assertLine(out, "  n +price +day +label");
    assertLine(out, "  0 +0\\.0000 +2024-01-01 +even");
    assertLine(out, "  1 +0\\.2500 +2024-01-02 +NULL");
    assertFalse(out.contains("Apply summary") || out.contains("per transform"), out);
  }

  @Test
  void nestedColumnsAreListedButTheirRowsAreNotShown() {
    Path nested = dir.resolve("nested.parquet");
    DuckDb.execute(
        "COPY (SELECT 'CCO' AS smiles, {'a': 1, 'b': 'x'} AS info, [1, 2] AS list) TO '"
            + nested
            + "' (FORMAT parquet)");

    CliRuns.Run run = inspect(nested.toString());

    assertEquals(0, run.exit(), run.err());
    assertLine(run.out(), "  info\\.a +INT32 +.*");
    assertLine(run.out(), "Rows: not shown \\(the file has nested or repeated columns\\)");
  }

  @Test
  void badFilesAndOptionsFailWithOneLine() throws IOException {
    Path text = Files.writeString(dir.resolve("x.parquet"), "CCO 1\n");

    CliRuns.Run notParquet = inspect(text.toString());
    CliRuns.Run missing = inspect(dir.resolve("missing.parquet").toString());
    CliRuns.Run negative = inspect(products.toString(), "--rows", "-1");
    CliRuns.Run noFile = inspect();

    assertEquals(1, notParquet.exit());
    assertEquals(
        "error: " + text + ": not a Parquet file (it does not start with PAR1)\n",
        notParquet.err());
    assertEquals(1, missing.exit());
    assertEquals(
        "error: input file not found: " + dir.resolve("missing.parquet") + "\n", missing.err());
    assertEquals(2, negative.exit());
    assertEquals("error: --rows must be 0 or more, not -1\n", negative.err());
    assertEquals(2, noFile.exit());
    assertTrue(noFile.err().startsWith("error: Missing required parameter: 'FILE'"), noFile.err());
  }

  @Test
  void helpShowsEveryOptionWithItsDefaultAndExamples() {
    CliRuns.Run run = inspect("--help");

    assertEquals(0, run.exit());
    for (String expected :
        List.of(
            "FILE The Parquet file to inspect.",
            "--rows=N How many of the first rows to show, 0 for none (default: 5).",
            "--json Print one JSON object instead of text, with values whole (default: false).",
            "--verbose Print the stack trace of an error (default: false).",
            "Examples: transform.jar inspect products.parquet",
            "transform.jar inspect products.parquet --rows 0 --json > products.json")) {
      assertTrue(run.flatOut().contains(expected), expected + " in:\n" + run.out());
    }
  }
}
