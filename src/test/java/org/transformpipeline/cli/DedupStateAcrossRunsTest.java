package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;

/**
 * {@code --dedup-state}: a library split into three parts and processed in three runs gives the
 * same unique products as one run over the whole library.
 */
class DedupStateAcrossRunsTest {

  @TempDir static Path dir;
  static Path whole;
  static List<Path> parts = new ArrayList<>();

  /**
   * 600 rows: NCI rows 0-499, then rows 0-99 again under other ids (their products are all
   * duplicates of the first part's); split into rows 0-199, 200-399 and 400-599.
   */
  @BeforeAll
  static void libraryInThreeParts() throws Exception {
    Path nci = Libraries.smiToParquet(Libraries.NCI_5K, 500, dir.resolve("nci500.parquet"));
    whole = dir.resolve("whole.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE lib AS SELECT row_number() OVER () AS k, * FROM (SELECT * FROM '"
              + nci
              + "' UNION ALL SELECT smiles, id || '-again', heavy, activity, even, big, note"
              + " FROM (SELECT * FROM '"
              + nci
              + "' LIMIT 100))");
      s.execute("COPY (SELECT * EXCLUDE (k) FROM lib ORDER BY k) TO '" + whole + "'");
      for (int p = 0; p < 3; p++) {
        Path part = dir.resolve("part" + p + ".parquet");
        s.execute(
            "COPY (SELECT * EXCLUDE (k) FROM lib WHERE k > "
                + p * 200
                + " AND k <= "
                + (p + 1) * 200
                + " ORDER BY k) TO '"
                + part
                + "'");
        parts.add(part);
      }
    }
  }

  private static CliRuns.Run apply(Path input, Path output, String mode, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--dedup",
                mode,
                "--expected-products",
                "1000",
                "--batch-size",
                "50",
                "--workers",
                "2",
                "--quiet"));
    args.addAll(List.of(more));
    return CliRuns.apply(args.toArray(new String[0]));
  }

  private static List<String> rows(Path output) throws Exception {
    return Libraries.query(
        "SELECT product_smiles, parent_id, transform, site FROM '" + output + "'");
  }

  @ParameterizedTest(name = "--dedup {0}")
  @ValueSource(strings = {"exact", "bloom"})
  void threeRunsOverThreePartsWriteWhatOneRunOverTheWholeWrites(String mode) throws Exception {
    Path single = dir.resolve(mode + "-single.parquet");
    assertEquals(0, apply(whole, single, mode).exit());
    Path state = dir.resolve(mode + ".dedup-state");

    List<String> concatenated = new ArrayList<>();
    List<RunSummary> summaries = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      Path output = dir.resolve(mode + "-part" + p + "-products.parquet");
      CliRuns.Run run = apply(parts.get(p), output, mode, "--dedup-state", state.toString());
      assertEquals(0, run.exit(), run.err());
      assertTrue(Files.isRegularFile(state), "saved after run " + p);
      concatenated.addAll(rows(output));
      summaries.add(
          SummaryReport.readJson(
              dir.resolve(mode + "-part" + p + "-products.parquet.summary.json")));
    }

    List<String> expected = rows(single);
    assertTrue(expected.size() > 100, "" + expected.size());
    assertEquals(expected, concatenated, "the same rows, in the same order");
    assertEquals(concatenated.size(), new HashSet<>(concatenated).size());
    List<String> smiles = concatenated.stream().map(r -> r.split(" \\| ")[0]).toList();
    assertEquals(smiles.size(), new HashSet<>(smiles).size(), "no product in two outputs");
    // the third part repeats rows of the first: their products are known from the saved state
    assertTrue(concatenated.stream().noneMatch(r -> r.contains("-again")), "repeats written");
    assertTrue(summaries.get(2).products().crossBatchDuplicates() > 0);
  }

  @ParameterizedTest(name = "state of {0}")
  @ValueSource(strings = {"exact", "bloom"})
  void aStateMadeWithOtherDedupOptionsIsAUsageError(String mode) throws Exception {
    Path state = dir.resolve("mismatch-" + mode + ".dedup-state");
    assertEquals(
        0,
        apply(
                parts.get(0),
                dir.resolve("mm-" + mode + ".parquet"),
                mode,
                "--dedup-state",
                state.toString())
            .exit());
    String other = mode.equals("exact") ? "bloom" : "exact";

    CliRuns.Run run =
        apply(
            parts.get(1),
            dir.resolve("mm2-" + mode + ".parquet"),
            other,
            "--dedup-state",
            state.toString());

    assertEquals(2, run.exit(), run.err());
    assertEquals(
        "error: "
            + state
            + " holds a "
            + mode
            + " dedup state; this run uses --dedup "
            + other
            + "\n",
        run.err());
    assertTrue(Files.notExists(dir.resolve("mm2-" + mode + ".parquet.parts")));
  }
}
