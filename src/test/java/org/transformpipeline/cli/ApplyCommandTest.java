package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;

class ApplyCommandTest {

  @TempDir static Path dir;
  static Path library;

  private static CliRuns.Run apply(String... args) {
    return CliRuns.apply(args);
  }

  @BeforeAll
  static void library() throws Exception {
    library = Libraries.smiToParquet(Libraries.NCI_5K, 400, dir.resolve("nci400.parquet"));
  }

  private static List<String> outputRows(Path output) throws Exception {
    return Libraries.query(
        "SELECT product_smiles, parent_id, transform, site FROM '" + output + "'");
  }

  @Test
  void withTheProductsFileAndItsSummaryThereTheRefusalNamesTheProductsFile() throws Exception {
    Path output = dir.resolve("kept.parquet");
    Files.writeString(output, "keep me");
    Files.writeString(dir.resolve("kept.parquet.summary.json"), "{}");

    CliRuns.Run run =
        apply("--input", library.toString(), "--output", output.toString(), "--quiet");

    assertEquals(1, run.exit());
    assertEquals(
        "error: output file already exists: " + output + " (use --overwrite)\n", run.err());
    assertEquals("keep me", Files.readString(output));
  }

  @Test
  void overwriteSaysEveryFileItReplaces() {
    String help =
        String.join(
            " ",
            TransformCli.commandLine()
                .getSubcommands()
                .get("apply")
                .getCommandSpec()
                .findOption("--overwrite")
                .description());
    for (String replaced :
        List.of(
            "--output", "<output>.summary.json", "<output>.rejects.parquet", "<output>.parts/")) {
      assertTrue(help.contains(replaced), replaced + " in: " + help);
    }
  }

  @Test
  void writesProductsWithThePassThroughColumnsUnchangedAndASummary() throws Exception {
    Path output = dir.resolve("products.parquet");
    CliRuns.Run run =
        apply(
            "--input",
            library.toString(),
            "--output",
            output.toString(),
            "--quiet",
            "--workers",
            "2",
            "--batch-size",
            "50");

    assertEquals(0, run.exit(), run.err());
    RunSummary summary = SummaryReport.readJson(dir.resolve("products.parquet.summary.json"));
    assertEquals(List.of(), summary.identityViolations());
    assertEquals(400, summary.rows().read());
    assertTrue(summary.products().written() > 50, "" + summary.products().written());
    assertEquals(
        List.of(String.valueOf(summary.products().written())),
        Libraries.query("SELECT count(*) FROM '" + output + "'"));
    assertTrue(run.out().contains("Rows read                    400"), run.out());
    // every product row carries its parent's columns with their types and nulls
    assertEquals(
        List.of(),
        Libraries.query(
            "SELECT o.parent_id FROM '"
                + output
                + "' o JOIN '"
                + library
                + "' i"
                + " ON o.parent_id = i.id WHERE o.parent_smiles IS DISTINCT FROM i.smiles"
                + " OR o.heavy IS DISTINCT FROM i.heavy OR o.activity IS DISTINCT FROM i.activity"
                + " OR o.even IS DISTINCT FROM i.even OR o.big IS DISTINCT FROM i.big"
                + " OR o.note IS DISTINCT FROM i.note"));
    assertEquals(
        Libraries.query(
            "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '"
                + library
                + "') WHERE column_name NOT IN ('smiles', 'id')"),
        Libraries.query(
            "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '"
                + output
                + "') WHERE column_name IN ('heavy', 'activity', 'even', 'big', 'note')"));
    assertEquals(
        List.of("true"),
        Libraries.query(
            "SELECT count(*) FILTER (WHERE activity IS NULL) > 0"
                + " AND count(*) FILTER (WHERE note IS NULL) > 0 FROM '"
                + output
                + "'"));
  }

  @Test
  void givesByteIdenticalOutputsWhateverTheWorkersBatchSizeAndInFlightLimit() throws Exception {
    Path reference = null;
    int n = 0;
    for (String workers : new String[] {"1", "2"}) {
      for (String batch : new String[] {"1", "7", "1000"}) {
        for (String inFlight : new String[] {"1", "8"}) {
          Path output = dir.resolve("inv" + n++ + ".parquet");
          CliRuns.Run run =
              apply(
                  "--input",
                  library.toString(),
                  "--output",
                  output.toString(),
                  "--quiet",
                  "--workers",
                  workers,
                  "--batch-size",
                  batch,
                  "--max-in-flight",
                  inFlight);
          assertEquals(0, run.exit(), run.err());
          String shape = "workers " + workers + ", batch " + batch + ", in flight " + inFlight;
          if (reference == null) {
            reference = output;
            assertTrue(outputRows(reference).size() > 50);
          } else {
            assertEquals(outputRows(reference), outputRows(output), shape);
            assertEquals(-1, Files.mismatch(reference, output), shape);
            assertEquals(
                -1,
                Files.mismatch(rejectsOf(reference), rejectsOf(output)),
                shape + ": rejects file");
          }
        }
      }
    }
    // what does not change the content is in the summary, not in the footer
    List<String> footer =
        Libraries.query(
            "SELECT decode(key) || '=' || decode(value) FROM parquet_kv_metadata('"
                + reference
                + "') ORDER BY 1");
    assertTrue(
        footer.stream().noneMatch(kv -> kv.matches("(?i).*(worker|flight|batch).*")),
        footer.toString());
  }

  private static Path rejectsOf(Path output) {
    return output.resolveSibling(output.getFileName() + ".rejects.parquet");
  }

  @Test
  void theFirstParentInInputOrderKeepsAProductTwoParentsMake() throws Exception {
    // the same molecule written twice, once in each batch and twice in one batch
    List<String> rows =
        List.of("Oc1ccccc1", "first", "CCO", "x", "c1ccccc1O", "second", "c1cc(O)ccc1", "third");
    Path input = Libraries.withRows(dir.resolve("twice.parquet"), rows);
    for (String batch : new String[] {"1", "2", "10"}) {
      Path output = dir.resolve("twice-" + batch + ".parquet");
      CliRuns.Run run =
          apply(
              "--input",
              input.toString(),
              "--output",
              output.toString(),
              "--only",
              "phenol_o_methylation,phenol_o_sulfation",
              "--batch-size",
              batch,
              "--workers",
              "2",
              "--quiet");
      assertEquals(0, run.exit(), run.err());
      assertEquals(
          List.of(
              "O(c1ccccc1)C | first | phenol_o_methylation",
              "O=S(=O)(O)Oc1ccccc1 | first | phenol_o_sulfation"),
          Libraries.query("SELECT product_smiles, parent_id, transform FROM '" + output + "'"),
          "batch size " + batch);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--max-in-flight | 0 | --max-in-flight must be >= 1, got 0",
        "--workers | 0 | --workers must be >= 1, got 0",
        "--batch-size | -5 | --batch-size must be >= 1, got -5",
        "--expected-products | 0 | --expected-products must be >= 1, got 0",
        "--bloom-fpp | 1.5 | --bloom-fpp must be > 0 and < 1, got 1.5",
        "--max-products-per-parent | 0 | --max-products-per-parent must be >= 1, got 0",
        "--progress-every | 0 | --progress-every must be >= 1, got 0",
        "--dedup | fuzzy | --dedup must be one of bloom, exact, none, got fuzzy",
        "--only | no_such_transform | no_such_transform",
        "--time-per-parent | 0 | --time-per-parent must be >= 1, got 0",
        "--max-heavy-atoms | -3 | --max-heavy-atoms must be >= 1, got -3",
        "--batch-size | many | Invalid value for option '--batch-size': 'many' is not an int",
      })
  void aBadOptionIsAUsageErrorWithOneLine(String option, String value, String message) {
    Path output = dir.resolve("never.parquet");
    CliRuns.Run run =
        apply("--input", library.toString(), "--output", output.toString(), option, value);

    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains(message), run.err());
    assertTrue(run.err().lines().count() <= 2, run.err()); // picocli adds a pointer to --help
    assertTrue(run.err().lines().findFirst().orElseThrow().startsWith("error: "), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
    assertFalse(Files.exists(output));
    assertFalse(Files.exists(dir.resolve("never.parquet.parts")));
  }

  @Test
  void dedupStateWithDedupNoneIsAUsageError() {
    CliRuns.Run run =
        apply(
            "--input", library.toString(),
            "--output", dir.resolve("x.parquet").toString(),
            "--dedup", "none",
            "--dedup-state", dir.resolve("state.bin").toString());
    assertEquals(2, run.exit());
    assertEquals("error: --dedup-state needs --dedup bloom or exact, not none\n", run.err());
  }

  @Test
  void bloomFppWithAnotherDedupModeIsAUsageError() {
    CliRuns.Run run =
        apply(
            "--input",
            library.toString(),
            "--output",
            dir.resolve("x.parquet").toString(),
            "--dedup",
            "exact",
            "--bloom-fpp",
            "0.01");
    assertEquals(2, run.exit());
    assertEquals(
        "error: --bloom-fpp applies only to --dedup bloom, got --dedup exact\n", run.err());
  }

  @Test
  void anUnreadableInputFailsWithExitOneAndNoOutput() throws Exception {
    Path notParquet = Files.writeString(dir.resolve("lib.parquet.txt"), "smiles,id\nCCO,1\n");
    Path output = dir.resolve("fail.parquet");
    CliRuns.Run run = apply("--input", notParquet.toString(), "--output", output.toString());

    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("error: " + notParquet), run.err());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of(), files.filter(f -> f.getFileName().toString().contains("fail")).toList());
    }
  }

  @Test
  void anExistingOutputIsKeptWithoutOverwrite() throws Exception {
    Path output = Files.writeString(dir.resolve("exists.parquet"), "keep me");
    CliRuns.Run run =
        apply("--input", library.toString(), "--output", output.toString(), "--quiet");

    assertEquals(1, run.exit(), run.err());
    assertEquals("keep me", Files.readString(output));
  }

  @Test
  void helpListsEveryOptionWithItsDefault() {
    CliRuns.Run run = apply("--help");
    assertEquals(0, run.exit());
    for (String expected :
        List.of(
            "--input",
            "--output",
            "--overwrite",
            "--smiles-column",
            "Default: smiles",
            "--id-column",
            "--batch-size",
            "Default: 10000",
            "--workers",
            "--max-in-flight",
            "Default: 2 x --workers",
            "--dedup",
            "Default: bloom",
            "--expected-products",
            "Default: 50000000",
            "--bloom-fpp",
            "Default: 1e-6",
            "--transforms",
            "--only",
            "--max-products-per-parent",
            "Default: 1000",
            "--progress-every",
            "--quiet",
            "--report",
            "--verbose",
            "Examples:",
            "Exit codes")) {
      assertTrue(run.out().contains(expected), expected + " in\n" + run.out());
    }
  }
}
