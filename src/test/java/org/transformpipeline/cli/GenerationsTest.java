package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;
import org.transformpipeline.testing.ForwardingSink;

/** {@code apply --generations}: chaining, scores, determinism and resume across generations. */
class GenerationsTest {

  private static final String ONLY = "phenol_o_methylation,phenol_o_sulfation,amine_n_acetylation";
  private static final String LINEAGE =
      "product_smiles, parent_id, parent_smiles, transform, site, fragment, product_id,"
          + " generation, root_id, pathway, score, activity";

  @TempDir static Path dir;
  static Path library;

  @BeforeAll
  static void library() throws Exception {
    // polyphenols: several OH each, so every generation has products
    library = dir.resolve("polyphenols.parquet");
    execute(
        "COPY (SELECT smiles, id, length(smiles)::DOUBLE AS activity FROM read_csv("
            + "'test-data/polyphenols_first_2k.smi', delim='\\t', header=false, quote='',"
            + " escape='', columns={'smiles': 'VARCHAR', 'id': 'VARCHAR'}) LIMIT 12) TO '"
            + library
            + "' (FORMAT parquet)");
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static CliRuns.Run apply(Path input, Path output, String... more) {
    return apply(ApplyRun.Stages.STANDARD, input, output, more);
  }

  private static CliRuns.Run apply(
      ApplyRun.Stages stages, Path input, Path output, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--only",
                ONLY,
                "--dedup",
                "exact",
                "--quiet"));
    args.addAll(List.of(more));
    return CliRuns.apply(stages, args.toArray(new String[0]));
  }

  private static List<String> rows(Path products) throws Exception {
    return Libraries.query(
        "SELECT "
            + LINEAGE
            + " FROM read_parquet('"
            + products
            + "', file_row_number = true)"
            + " ORDER BY file_row_number");
  }

  @Test
  void aRejectSaysItsGenerationAndNamesItsParentProduct() throws Exception {
    // methylation makes a methyl ether in generation 1; "overmethylation" (cdk dialect, taken
    // literally) puts a third bond on an ether O: a rejected product wherever the parent has a
    // methyl ether, the input rows (generation 1) and the methylated products (generation 2)
    Path yaml = dir.resolve("overmethylation.yaml");
    java.nio.file.Files.writeString(
        yaml,
        "transforms:\n"
            + "  - name: methylation\n"
            + "    smirks: \"[c:1][OX2;H1;+0:2]>>[c:1][O:2]C\"\n"
            + "  - name: overmethylation\n"
            + "    dialect: cdk\n"
            + "    smirks: \"[CH3:1][OX2:2][c:3]>>[CH3:1][O:2]([c:3])C\"\n");
    Path out = dir.resolve("rejects-by-generation.parquet");
    CliRuns.Run run =
        CliRuns.apply(
            "--input",
            library.toString(),
            "--output",
            out.toString(),
            "--transforms",
            yaml.toString(),
            "--generations",
            "2",
            "--dedup",
            "exact",
            "--quiet");
    assertEquals(0, run.exit(), run.err());
    Path rejects = dir.resolve("rejects-by-generation.parquet.rejects.parquet");
    List<String> byGeneration =
        Libraries.query("SELECT generation, count(*) FROM '" + rejects + "' GROUP BY 1 ORDER BY 1");
    assertEquals(2, byGeneration.size(), "rejects in both generations: " + byGeneration);
    assertTrue(byGeneration.get(0).startsWith("1 | "), byGeneration.toString());
    assertTrue(byGeneration.get(1).startsWith("2 | "), byGeneration.toString());
    // a generation-2 reject names its parent: a generation-1 product, by id, SMILES and row
    assertEquals(
        List.of("0"),
        Libraries.query(
            "WITH p AS (SELECT product_id, product_smiles, row_number() OVER () - 1 AS row"
                + " FROM read_parquet('"
                + out
                + "') WHERE generation = 1)"
                + " SELECT count(*) FROM '"
                + rejects
                + "' r LEFT JOIN p ON r.id = p.product_id"
                + " WHERE r.generation = 2 AND (p.product_id IS NULL"
                + " OR r.smiles <> p.product_smiles OR r.row_number <> p.row)"));
    RunSummary summary =
        SummaryReport.readJson(out.resolveSibling("rejects-by-generation.parquet.summary.json"));
    assertEquals(
        summary.products().rejected(),
        Long.parseLong(Libraries.query("SELECT count(*) FROM '" + rejects + "'").get(0)));
  }

  @Test
  void applyOnAnApplyOutputGivesTheRowsOfTwoGenerationsInOneRun() throws Exception {
    Path oneX = dir.resolve("1x.parquet");
    Path twoX = dir.resolve("2x.parquet");
    Path both = dir.resolve("both.parquet");
    assertEquals(0, apply(library, oneX).exit());
    CliRuns.Run chained = apply(oneX, twoX);
    assertEquals(0, chained.exit(), chained.err());
    assertEquals(0, apply(library, both, "--generations", "2").exit());

    List<String> expected = new ArrayList<>(rows(oneX));
    expected.addAll(rows(twoX));
    assertEquals(rows(both), expected);
    assertTrue(rows(twoX).size() > 100, "generation 2 has products: " + rows(twoX).size());
    assertEquals(
        List.of("2"),
        Libraries.query("SELECT DISTINCT generation FROM '" + twoX + "'"),
        "the chained run continues the generations");
    // a child's parent is a generation-1 product, found by its id, with its root
    assertEquals(
        List.of("0"),
        Libraries.query(
            "SELECT count(*) FROM '"
                + twoX
                + "' c LEFT JOIN '"
                + oneX
                + "' p"
                + " ON c.parent_id = p.product_id WHERE p.product_id IS NULL"
                + " OR c.root_id <> p.root_id OR c.parent_smiles <> p.product_smiles"
                + " OR c.pathway <> p.pathway || '>' || c.transform"));
    RunSummary summary = SummaryReport.readJson(both.resolveSibling("both.parquet.summary.json"));
    assertEquals(List.of(), summary.identityViolations());
    assertEquals(2, summary.generations().size());
    assertEquals(
        summary.generations().get(0).products().written(),
        summary.generations().get(1).parents().read());
    RunSummary chainedSummary =
        SummaryReport.readJson(twoX.resolveSibling("2x.parquet.summary.json"));
    assertEquals(
        summary.generations().get(1).products().crossBatchDuplicates(),
        chainedSummary.products().inputDuplicates()
            + chainedSummary.products().crossBatchDuplicates(),
        "what one run counts as earlier products the chained run counts as inputs or earlier");
  }

  @Test
  void aProductsScoreIsTheProductOfItsPathwaysProbabilities() throws Exception {
    Path rules = dir.resolve("scored.tsv");
    Files.writeString(
        rules,
        "smirks\tprobability\tname\n"
            + "[c:1][OX2;H1;+0:2]>>[c:1][OH0:2]C\t0.5\tmethylation\n"
            + "[c:1][OX2;H1;+0:2]>>[c:1][OH0:2]S(=O)(=O)O\t0.25\tsulfation\n");
    Path out = dir.resolve("scored.parquet");
    CliRuns.Run run =
        CliRuns.apply(
            "--input",
            library.toString(),
            "--output",
            out.toString(),
            "--transforms",
            rules.toString(),
            "--generations",
            "3",
            "--quiet");
    assertEquals(0, run.exit(), run.err());
    Map<String, Double> p = Map.of("methylation", 0.5, "sulfation", 0.25);
    List<String> rows =
        Libraries.query("SELECT pathway || ' ' || score || ' ' || generation FROM '" + out + "'");
    assertTrue(rows.size() > 50, "products: " + rows.size());
    for (String row : rows) {
      String[] cells = row.split(" ");
      double expected = 1;
      for (String step : cells[0].split(">")) {
        expected *= p.get(step);
      }
      assertEquals(expected, Double.parseDouble(cells[1]), 1e-12, row);
      assertEquals(cells[0].split(">").length, Integer.parseInt(cells[2]), row);
    }

    Path pruned = dir.resolve("pruned.parquet");
    run =
        CliRuns.apply(
            "--input",
            library.toString(),
            "--output",
            pruned.toString(),
            "--transforms",
            rules.toString(),
            "--generations",
            "3",
            "--min-score",
            "0.1",
            "--quiet");
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        List.of("0"), Libraries.query("SELECT count(*) FROM '" + pruned + "' WHERE score < 0.1"));
    RunSummary summary =
        SummaryReport.readJson(pruned.resolveSibling("pruned.parquet.summary.json"));
    assertTrue(summary.products().belowMinScore() > 0, "pruned: " + summary.products());
    assertEquals(List.of(), summary.identityViolations());
  }

  @Test
  void threeGenerationsGiveTheSameBytesWhateverTheWorkersAndBatchSize() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a")).resolve("p.parquet");
    Path b = Files.createDirectories(dir.resolve("b")).resolve("p.parquet");
    assertEquals(
        0, apply(library, a, "--generations", "3", "--workers", "1", "--batch-size", "7").exit());
    assertEquals(
        0, apply(library, b, "--generations", "3", "--workers", "2", "--batch-size", "50").exit());
    assertEquals(-1, Files.mismatch(a, b));

    // the report and the text summary show each generation, with the summary's counts
    Path report = dir.resolve("a.html");
    CliRuns.Run reported =
        apply(
            library,
            dir.resolve("a-report.parquet"),
            "--generations",
            "3",
            "--report",
            report.toString());
    assertEquals(0, reported.exit(), reported.err());
    RunSummary summary = SummaryReport.readJson(a.resolveSibling("p.parquet.summary.json"));
    String html = Files.readString(report);
    assertTrue(html.contains("Products per generation"), "generations section");
    for (RunSummary.GenerationCounts g : summary.generations()) {
      assertTrue(
          html.contains(
              "data-key='generations."
                  + g.generation()
                  + ".written' data-value='"
                  + g.products().written()
                  + "'"),
          "generation " + g.generation());
    }
    assertTrue(reported.out().contains("Per generation"), reported.out());
    assertEquals(
        List.of("1", "2", "3"),
        Libraries.query("SELECT DISTINCT generation FROM '" + a + "' ORDER BY 1"));
  }

  @Test
  void aRunKilledInGenerationTwoResumesToTheSameBytes() throws Exception {
    Path clean = Files.createDirectories(dir.resolve("clean")).resolve("p.parquet");
    Path killed = Files.createDirectories(dir.resolve("killed")).resolve("p.parquet");
    String[] options = {"--generations", "3", "--batch-size", "20", "--part-batches", "2"};
    assertEquals(0, apply(library, clean, options).exit());

    AtomicInteger generation = new AtomicInteger();
    ApplyRun.Stages dyingInGenerationTwo =
        new ApplyRun.Stages(
            sink ->
                generation.incrementAndGet() == 2 ? ForwardingSink.diskFullAfter(40, sink) : sink,
            UnaryOperator.identity());
    CliRuns.Run died = apply(dyingInGenerationTwo, library, killed, options);
    assertEquals(1, died.exit());
    assertFalse(Files.exists(killed));
    assertTrue(Files.isDirectory(killed.resolveSibling("p.parquet.parts")));

    List<String> resume = new ArrayList<>(List.of(options));
    resume.add("--resume");
    CliRuns.Run resumed = apply(library, killed, resume.toArray(new String[0]));
    assertEquals(0, resumed.exit(), resumed.err());
    assertEquals(-1, Files.mismatch(clean, killed));
    RunSummary a = SummaryReport.readJson(clean.resolveSibling("p.parquet.summary.json"));
    RunSummary b = SummaryReport.readJson(killed.resolveSibling("p.parquet.summary.json"));
    assertEquals(a.products(), b.products());
    assertEquals(
        a.generations().stream().map(RunSummary.GenerationCounts::products).toList(),
        b.generations().stream().map(RunSummary.GenerationCounts::products).toList());
    assertNotEquals(0, b.generations().get(2).products().written());
  }

  @Test
  void aLibraryColumnNamedLikeALineageColumnIsRefusedWithTheFix() throws Exception {
    Path clash = dir.resolve("clash.parquet");
    execute(
        "COPY (SELECT smiles, id, 1.5 AS score FROM '"
            + library
            + "') TO '"
            + clash
            + "'"
            + " (FORMAT PARQUET)");
    CliRuns.Run run = apply(clash, dir.resolve("clash-out.parquet"));
    assertEquals(1, run.exit());
    assertTrue(
        run.err().contains("input column 'score' clashes with output column 'score'")
            && run.err().contains("rename it in the input"),
        run.err());
  }
}
