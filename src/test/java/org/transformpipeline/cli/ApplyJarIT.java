package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.chem.CanonicalSmiles;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;

/**
 * End to end on the shaded jar ({@code target/transform.jar}, built by {@code package}; run by
 * failsafe in {@code integration-test}): NCI 5K through the five reference transforms, checked
 * against the RDKit reference products with DuckDB as an independent reader.
 */
class ApplyJarIT {

  static final Path JAR = Path.of("target/transform.jar");
  static final Path REFERENCE = Path.of("test-data/reference/nci5k");
  static final List<String> FIVE =
      List.of(
          "phenol_o_methylation",
          "phenol_o_sulfation",
          "phenol_o_glucuronidation",
          "phenol_o_acetylation",
          "amine_n_acetylation");

  @TempDir static Path dir;
  static Path input;
  static Path output;
  static Run run;

  record Run(int exit, String out, String err) {}

  static Run jar(String... args) throws IOException, InterruptedException {
    assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run 'mvn verify' (package builds it)");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the jar did not finish in 10 minutes: " + command);
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @BeforeAll
  static void applyTheFiveReferenceTransformsToNci5k() throws Exception {
    input = dir.resolve("nci5k.parquet");
    Run convert =
        jar("convert", "--input", Libraries.NCI_5K.toString(), "--output", input.toString());
    assertEquals(0, convert.exit(), convert.err());
    output = dir.resolve("nci5k-products.parquet");
    run =
        jar(
            "apply",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--only",
            String.join(",", FIVE),
            "--batch-size",
            "500",
            "--workers",
            "2");
  }

  @Test
  void exitsZeroWithASummaryWhoseCountsAddUp() throws IOException {
    assertEquals(0, run.exit(), run.err());
    RunSummary summary = SummaryReport.readJson(dir.resolve("nci5k-products.parquet.summary.json"));
    assertEquals(List.of(), summary.identityViolations());
    assertEquals(4999, summary.rows().read());
    assertTrue(run.out().contains("Products generated"), run.out());
    assertTrue(run.err().contains("[Batch 10/10] In-flight 0/4"), run.err());
  }

  @Test
  void theJarsReportDrawsTheSamplesAndChartsTheTimeline() throws Exception {
    assertEquals(0, run.exit(), run.err());
    Path html = dir.resolve("nci5k-report.html");
    Run report = jar("report", output.toString(), "--output", html.toString(), "--samples", "6");

    assertEquals(0, report.exit(), report.err());
    String page = Files.readString(html);
    assertTrue(page.contains("data-key='rows.read' data-value='4999'"));
    assertEquals(6, page.split("<div class='card' ").length - 1);
    assertEquals(12, page.split("<div class='mol (parent|product)'><svg ").length - 1);
    assertEquals(3, page.split("<svg class='chart lines'").length - 1);
  }

  @Test
  void perTransformUniqueCountsMatchTheReference() throws Exception {
    // RDKit reference: 645 for each phenol transform, 74 for amine_n_acetylation. The CDK
    // pipeline gives the same counts (the 9 flavonol sites RDKit calls phenolic are matched by
    // neither, see shared/data/README.md; salts keep their counter-ions on both sides).
    Map<String, String> counts = new LinkedHashMap<>();
    for (String row :
        Libraries.query(
            "SELECT transform, count(DISTINCT product_smiles), count(*)"
                + " FROM '"
                + output
                + "' GROUP BY transform ORDER BY transform")) {
      String[] parts = row.split(" \\| ");
      counts.put(parts[0], parts[1] + " " + parts[2]);
    }
    assertEquals(
        Map.of(
            "amine_n_acetylation", "74 74",
            "phenol_o_acetylation", "645 645",
            "phenol_o_glucuronidation", "645 645",
            "phenol_o_methylation", "645 645",
            "phenol_o_sulfation", "645 645"),
        counts);
  }

  /**
   * Reference products that are known to differ from ours after canonicalisation with our own
   * {@link CanonicalSmiles}, with the reason. None so far: every RDKit product, canonicalised by
   * CDK, is one of ours and vice versa.
   */
  static final Set<String> KNOWN_DIFFERENCES = Set.of();

  @Test
  void productSetsEqualTheCanonicalisedReferenceSets() throws Exception {
    CanonicalSmiles canonical = new CanonicalSmiles();
    for (String transform : FIVE) {
      Set<String> expected = new TreeSet<>();
      for (String line :
          Files.readAllLines(REFERENCE.resolve(transform + ".smi"), StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !KNOWN_DIFFERENCES.contains(line.trim())) {
          expected.add(canonical.of(line.trim()));
        }
      }
      Set<String> actual =
          new TreeSet<>(
              Libraries.query(
                  "SELECT product_smiles FROM '"
                      + output
                      + "' WHERE transform = '"
                      + transform
                      + "'"));
      Set<String> missing = new TreeSet<>(expected);
      missing.removeAll(actual);
      Set<String> extra = new TreeSet<>(actual);
      extra.removeAll(expected);
      assertEquals(Set.of(), missing, transform + ": reference products not made");
      assertEquals(Set.of(), extra, transform + ": products not in the reference");
    }
  }

  @Test
  void passThroughColumnsArriveUnchangedWithTypesAndNulls() throws Exception {
    // a library with typed columns and nulls, written by DuckDB
    Path typedInput = Libraries.smiToParquet(Libraries.NCI_5K, 1500, dir.resolve("typed.parquet"));
    Path typedOutput = dir.resolve("typed-products.parquet");
    Run typed =
        jar(
            "apply",
            "--input",
            typedInput.toString(),
            "--output",
            typedOutput.toString(),
            "--quiet",
            "--only",
            String.join(",", FIVE),
            "--dedup",
            "exact");
    assertEquals(0, typed.exit(), typed.err());
    assertTrue(
        Long.parseLong(Libraries.query("SELECT count(*) FROM '" + typedOutput + "'").get(0)) > 100);
    assertEquals(
        List.of("0"),
        Libraries.query(
            "SELECT count(*) FROM '"
                + typedOutput
                + "' o ANTI JOIN '"
                + typedInput
                + "' i ON o.parent_id = i.id"),
        "every product's parent_id is an input id");
    assertEquals(
        List.of(),
        Libraries.query(
            "SELECT o.parent_id FROM '"
                + typedOutput
                + "' o JOIN '"
                + typedInput
                + "' i"
                + " ON o.parent_id = i.id WHERE o.parent_smiles IS DISTINCT FROM i.smiles"
                + " OR o.heavy IS DISTINCT FROM i.heavy OR o.activity IS DISTINCT FROM i.activity"
                + " OR o.even IS DISTINCT FROM i.even OR o.big IS DISTINCT FROM i.big"
                + " OR o.note IS DISTINCT FROM i.note"));
    assertEquals(
        List.of(
            "product_smiles | VARCHAR",
            "parent_id | VARCHAR",
            "parent_smiles | VARCHAR",
            "transform | VARCHAR",
            "site | INTEGER",
            "fragment | INTEGER",
            "product_id | VARCHAR",
            "generation | INTEGER",
            "root_id | VARCHAR",
            "pathway | VARCHAR",
            "score | DOUBLE",
            "heavy | INTEGER",
            "activity | DOUBLE",
            "even | BOOLEAN",
            "big | BIGINT",
            "note | VARCHAR"),
        Libraries.query(
            "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '" + typedOutput + "')"));
    assertEquals(
        List.of("true"),
        Libraries.query(
            "SELECT count(*) FILTER (WHERE activity IS NULL) > 0"
                + " AND count(*) FILTER (WHERE note IS NULL) > 0 FROM '"
                + typedOutput
                + "'"));
  }

  @Test
  void helpListsEveryOptionWithItsDefault() throws Exception {
    Run help = jar("apply", "--help");
    assertEquals(0, help.exit());
    for (String option :
        List.of(
            "--input",
            "--output",
            "--overwrite",
            "--smiles-column",
            "--id-column",
            "--batch-size",
            "--workers",
            "--max-in-flight",
            "--dedup",
            "--expected-products",
            "--bloom-fpp",
            "--transforms",
            "--only",
            "--max-products-per-parent",
            "--progress-every",
            "--quiet",
            "--max-heavy-atoms",
            "--time-per-parent",
            "--fail-on-reject",
            "--resume",
            "--dedup-state",
            "--report",
            "--dialect",
            "--fragments",
            "--generations",
            "--scenario",
            "--exclude-inputs",
            "--min-score",
            "--max-products-per-root",
            "--verbose")) {
      assertTrue(help.out().contains(option), option + " in\n" + help.out());
    }
    String options = help.out().substring(0, help.out().indexOf("Examples:"));
    assertEquals(37, options.lines().filter(l -> l.matches(" {6}--[a-z].*")).count(), help.out());
    assertTrue(
        help.out().contains("Default: 10000") && help.out().contains("Default: 1e-6"), help.out());
  }

  @Test
  void quietPrintsOneLineOnStderrBeforeTheSummary() throws Exception {
    Path quiet = dir.resolve("quiet.parquet");
    Run run =
        jar(
            "apply",
            "--input",
            input.toString(),
            "--output",
            quiet.toString(),
            "--only",
            "phenol_o_methylation",
            "--batch-size",
            "500",
            "--quiet");

    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.err().lines().toList();
    assertEquals(1, lines.size(), run.err());
    assertTrue(
        lines.get(0).contains(input + ": 4999 rows in batches of 500, 1 transforms"), run.err());
    assertTrue(run.out().contains("Summary written to "), run.out());
  }

  @Test
  void versionIsThePomVersionFromTheShadedJarsManifest() throws Exception {
    Matcher pom =
        Pattern.compile("<artifactId>transform-pipeline</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(Path.of("pom.xml")));
    assertTrue(pom.find(), "the project version in pom.xml");
    Run version = jar("--version");
    assertEquals(0, version.exit(), version.err());
    assertEquals("transform-pipeline " + pom.group(1), version.out().strip());
  }

  @Test
  void maxInFlightZeroIsAUsageErrorWithExitTwo() throws Exception {
    Run bad =
        jar(
            "apply",
            "--input",
            input.toString(),
            "--output",
            dir.resolve("never.parquet").toString(),
            "--max-in-flight",
            "0");
    assertEquals(2, bad.exit());
    assertEquals("error: --max-in-flight must be >= 1, got 0\n", bad.err());
    assertTrue(!Files.exists(dir.resolve("never.parquet")));
  }
}
