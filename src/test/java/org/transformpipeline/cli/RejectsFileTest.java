package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.chem.EnumerationLimits;
import org.transformpipeline.chem.ProductEnumerator;
import org.transformpipeline.chem.TransformLibrary;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;

/**
 * Every row and product is accounted for: a run over a library with every kind of reject writes
 * each one to {@code <output>.rejects.parquet}, and the counts add up.
 */
class RejectsFileTest {

  @TempDir static Path dir;
  static Path library;
  static Path transforms;

  /**
   * The row that times out: a catechol ether with two phenolic OH, so that the enumerator makes a
   * product and then checks its time guard. The hook {@link #HOOKS} gives it to a real enumerator
   * whose guard is 1 ns, already past after the first product: the row times out on any machine,
   * however fast, while the others run under {@link #TIME_GUARD_MS}.
   */
  static final String SLOW = "COc1cc(O)cc(O)c1";

  static final String TIME_GUARD_MS = "2000";

  static final String TOO_LARGE = "C".repeat(4000);

  @BeforeAll
  static void libraryWithEveryKindOfReject() throws Exception {
    library =
        Libraries.withRows(
            dir.resolve("rejects.parquet"),
            Arrays.asList(
                "Oc1ccccc1",
                "phenol",
                null,
                "null-smiles",
                "",
                "empty",
                "C1CC(",
                "unparsable",
                TOO_LARGE,
                "too-large",
                SLOW,
                "slow",
                "CCO",
                "ethanol",
                "Oc1ccc(O)cc1",
                "hydroquinone",
                ".",
                "no-atoms",
                "CCN",
                "throws"));
    // read literally (cdk dialect), bad_methylation keeps the phenol's H: its products are
    // over-valent and rejected
    transforms =
        Files.writeString(
            dir.resolve("transforms.yaml"),
            """
            dialect: cdk
            transforms:
              - name: good_methylation
                smirks: "[c:1][OX2;H1;+0:2]>>[c:1][OH0:2]C"
              - name: bad_methylation
                smirks: "[c:1][OX2;H1;+0:2]>>[c:1][O:2]C"
            """);
  }

  /**
   * The enumerator throws on one molecule, as a bug in the chemistry would; {@link #SLOW} goes to a
   * real enumerator of the same transforms whose time guard is 1 ns.
   */
  static final ApplyRun.Stages HOOKS =
      new ApplyRun.Stages(
          UnaryOperator.identity(),
          real -> {
            ProductEnumerator expired =
                new ProductEnumerator(
                    TransformLibrary.load(transforms).transforms(),
                    new EnumerationLimits(1000, 3500, Duration.ofNanos(1)));
            return smiles -> {
              if (smiles.equals("CCN")) {
                throw new IllegalStateException("no ring set for atom 2");
              }
              return smiles.equals(SLOW) ? expired.enumerate(smiles) : real.enumerate(smiles);
            };
          });

  private static CliRuns.Run run(Path output, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                library.toString(),
                "--output",
                output.toString(),
                "--transforms",
                transforms.toString(),
                "--max-heavy-atoms",
                "3500",
                "--time-per-parent",
                TIME_GUARD_MS,
                "--batch-size",
                "3",
                "--workers",
                "2",
                "--quiet"));
    args.addAll(List.of(extra));
    return CliRuns.apply(HOOKS, args.toArray(new String[0]));
  }

  @Test
  void everyRejectedRowAndProductIsInTheRejectsFileAndTheCountsAddUp() throws Exception {
    Path output = dir.resolve("products.parquet");
    CliRuns.Run run = run(output);

    assertEquals(0, run.exit(), run.err());
    Path rejects = dir.resolve("products.parquet.rejects.parquet");
    assertEquals(
        List.of(
            "0 | phenol | Oc1ccccc1 | PRODUCT | over-valent atom: O with valence 3 > 2 at 0"
                + " | bad_methylation",
            "1 | null-smiles | NULL | INPUT | no SMILES: null cell | NULL",
            "2 | empty |  | INPUT | no SMILES: empty cell | NULL",
            "3 | unparsable | C1CC( | PARSE | invalid SMILES: could not parse 'C1CC(', Unclosed"
                + " ring detected, SMILES may be truncated: | NULL",
            "4 | too-large | 4000 characters | PARENT | too large: 4000 heavy atoms >"
                + " --max-heavy-atoms 3500 | NULL",
            "5 | slow | COc1cc(O)cc(O)c1 | TIMEOUT | enumeration took longer than 0 ms | NULL",
            "7 | hydroquinone | Oc1ccc(O)cc1 | PRODUCT | over-valent atom: O with valence 3 > 2"
                + " at 0 | bad_methylation",
            "7 | hydroquinone | Oc1ccc(O)cc1 | PRODUCT | over-valent atom: O with valence 3 > 2"
                + " at 5 | bad_methylation",
            "8 | no-atoms | . | PARENT | no atoms | NULL",
            "9 | throws | CCN | INTERNAL | java.lang.IllegalStateException: no ring set for atom 2"
                + " | NULL"),
        Libraries.query(
            "SELECT row_number, id, CASE WHEN length(smiles) > 100"
                + " THEN length(smiles) || ' characters' ELSE smiles END,"
                + " stage, reason, transform FROM '"
                + rejects
                + "'"));
    assertEquals(
        List.of(
            "row_number | BIGINT",
            "id | VARCHAR",
            "smiles | VARCHAR",
            "stage | VARCHAR",
            "reason | VARCHAR",
            "transform | VARCHAR",
            "generation | INTEGER"),
        Libraries.query(
            "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '" + rejects + "')"));

    RunSummary summary = SummaryReport.readJson(dir.resolve("products.parquet.summary.json"));
    assertEquals(List.of(), summary.identityViolations());
    RunSummary.RowCounts rows = summary.rows();
    assertEquals(10, rows.read());
    assertEquals(rows.read(), rows.withProducts() + rows.noSite() + rows.rejected());
    assertEquals(2, rows.withProducts());
    assertEquals(1, rows.noSite());
    assertEquals(7, rows.rejected());
    // parsed: not the null, empty and unparsable SMILES, not the one that threw, and not the too
    // large one (rejected from the SMILES text, before parsing); "." parses (to no atoms)
    assertEquals(5, rows.parsed());
    assertEquals(
        Map.of(
            "input: no SMILES", 2L,
            "parse: invalid SMILES", 1L,
            "internal: java.lang.IllegalStateException", 1L,
            "parent: no atoms", 1L,
            "parent: too large", 1L,
            "timeout: enumeration took longer than 0 ms", 1L),
        rows.rejectedByCategory());
    assertEquals(3, summary.products().rejected());
    assertEquals(Map.of("product: over-valent atom", 3L), summary.products().rejectedByCategory());
    // the rejects file has one row per rejected row and per rejected product
    assertEquals(
        List.of(rows.rejected() + " | " + summary.products().rejected()),
        Libraries.query(
            "SELECT count(*) FILTER (WHERE transform IS NULL),"
                + " count(*) FILTER (WHERE transform IS NOT NULL) FROM '"
                + rejects
                + "'"));
    assertEquals(
        List.of("Oc1ccc(OC)cc1 | hydroquinone", "O(c1ccccc1)C | phenol"),
        Libraries.query(
            "SELECT product_smiles, parent_id FROM '" + output + "' ORDER BY parent_id"));
    assertTrue(run.out().contains("Rejects written to " + rejects), run.out());
  }

  @Test
  void failOnRejectExitsOneAfterWritingEveryOutput() throws Exception {
    Path output = dir.resolve("strict.parquet");
    CliRuns.Run run = run(output, "--fail-on-reject");

    assertEquals(1, run.exit(), run.err());
    assertEquals(
        "error: --fail-on-reject: 7 rows and 3 products were rejected (listed in "
            + dir.resolve("strict.parquet.rejects.parquet")
            + "); the outputs were written\n",
        run.err());
    assertEquals(List.of("2"), Libraries.query("SELECT count(*) FROM '" + output + "'"));
    assertEquals(
        List.of("10"),
        Libraries.query(
            "SELECT count(*) FROM '" + dir.resolve("strict.parquet.rejects.parquet") + "'"));
    assertTrue(Files.exists(dir.resolve("strict.parquet.summary.json")));
    assertFalse(run.hasStackTrace());
  }

  @Test
  void aRunWithoutRejectsWritesAnEmptyRejectsFileAndFailOnRejectPasses() throws Exception {
    Path clean =
        Libraries.withRows(
            dir.resolve("clean.parquet"), List.of("Oc1ccccc1", "a", "CCO", "b", "c1ccccc1O", "c"));
    Path output = dir.resolve("clean-products.parquet");
    CliRuns.Run run =
        CliRuns.apply(
            "--input",
            clean.toString(),
            "--output",
            output.toString(),
            "--only",
            "phenol_o_methylation",
            "--fail-on-reject",
            "--quiet");

    assertEquals(0, run.exit(), run.err());
    Path rejects = dir.resolve("clean-products.parquet.rejects.parquet");
    assertEquals(List.of("0"), Libraries.query("SELECT count(*) FROM '" + rejects + "'"));
    assertEquals(7, Libraries.query("DESCRIBE SELECT * FROM '" + rejects + "'").size());
    // the same product from rows 0 and 2: the first in input order keeps it
    assertEquals(
        List.of("O(c1ccccc1)C | a"),
        Libraries.query("SELECT product_smiles, parent_id FROM '" + output + "'"));
  }
}
