package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openscience.cdk.config.Isotopes;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.smiles.SmilesParser;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;

/**
 * Product filters ({@code --filter-*} and a library's {@code filters:} block): each removes exactly
 * the products failing it, and counts them under its reason.
 *
 * <p>The filters act on the molecule, so in one generation the survivors' first occurrences are
 * those of the unfiltered run: the filtered output is the unfiltered output less the rows failing
 * the criterion, in the same order, and filtered + generated equals the unfiltered run's generated.
 * The criterion is re-computed here on the written SMILES by another route (the molecular formula
 * for the weight; the transform that made a product for a sulfate).
 */
class ProductFiltersTest {

  private static final String ONLY = "phenol_o_methylation,phenol_o_sulfation,amine_n_acetylation";
  private static final SmilesParser PARSER =
      new SmilesParser(SilentChemObjectBuilder.getInstance());

  @TempDir static Path dir;
  static Path library;
  static Path unfiltered;
  static RunSummary unfilteredSummary;

  @BeforeAll
  static void unfilteredRun() throws Exception {
    // 40 polyphenols and 300 NCI compounds: phenols, amines, N and S atoms, a wide weight range
    library = dir.resolve("library.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute(
          "COPY (SELECT * FROM ("
              + smi("test-data/polyphenols_first_2k.smi", 40)
              + ") UNION ALL SELECT * FROM ("
              + smi(Libraries.NCI_5K.toString(), 300)
              + ")) TO '"
              + library
              + "' (FORMAT parquet)");
    }
    unfiltered = dir.resolve("unfiltered.parquet");
    assertEquals(0, apply(unfiltered).exit());
    unfilteredSummary = summary(unfiltered);
  }

  private static String smi(String file, int rows) {
    return "SELECT smiles, id FROM read_csv('"
        + file
        + "', delim='\\t', header=false, quote='', escape='',"
        + " columns={'smiles': 'VARCHAR', 'id': 'VARCHAR'}) LIMIT "
        + rows;
  }

  private static CliRuns.Run apply(Path output, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                library.toString(),
                "--output",
                output.toString(),
                "--only",
                ONLY,
                "--dedup",
                "exact",
                "--batch-size",
                "37",
                "--quiet"));
    args.addAll(List.of(more));
    return CliRuns.apply(args.toArray(new String[0]));
  }

  private static RunSummary summary(Path products) throws java.io.IOException {
    return SummaryReport.readJson(
        products.resolveSibling(products.getFileName() + ".summary.json"));
  }

  /** product_smiles and transform of each row, in file order. */
  private static List<String[]> rows(Path products) throws Exception {
    return Libraries.query(
            "SELECT product_smiles || ' ' || transform FROM read_parquet('"
                + products
                + "', file_row_number = true) ORDER BY file_row_number")
        .stream()
        .map(r -> r.split(" "))
        .toList();
  }

  private static IAtomContainer molecule(String smiles) {
    try {
      return PARSER.parseSmiles(smiles);
    } catch (Exception e) {
      throw new AssertionError("written SMILES does not parse: " + smiles, e);
    }
  }

  /** Average molecular weight: each element's natural mass, its implicit hydrogens included. */
  private static double weight(String smiles) {
    try {
      Isotopes isotopes = Isotopes.getInstance();
      double mass = 0;
      for (IAtom atom : molecule(smiles).atoms()) {
        mass += isotopes.getNaturalMass(atom.getAtomicNumber());
        mass += atom.getImplicitHydrogenCount() * isotopes.getNaturalMass(1);
      }
      return mass;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long heavyAtoms(String smiles) {
    return molecule(smiles).getAtomCount();
  }

  private static boolean onlyElements(String smiles, List<String> allowed) {
    for (IAtom atom : molecule(smiles).atoms()) {
      if (!allowed.contains(atom.getSymbol())) {
        return false;
      }
    }
    return true;
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of(
            "max_weight",
            List.of("--filter-max-weight", "400"),
            (Predicate<String[]>) r -> weight(r[0]) <= 400),
        Arguments.of(
            "min_weight",
            List.of("--filter-min-weight", "300"),
            (Predicate<String[]>) r -> weight(r[0]) >= 300),
        Arguments.of(
            "max_heavy_atoms",
            List.of("--filter-max-heavy-atoms", "25"),
            (Predicate<String[]>) r -> heavyAtoms(r[0]) <= 25),
        Arguments.of(
            "min_heavy_atoms",
            List.of("--filter-min-heavy-atoms", "20"),
            (Predicate<String[]>) r -> heavyAtoms(r[0]) >= 20),
        Arguments.of(
            "elements",
            List.of("--filter-elements", "C,H,O"),
            (Predicate<String[]>) r -> onlyElements(r[0], List.of("C", "O"))),
        Arguments.of(
            "must_not_match [OX2]S(=O)(=O)[OX2H]",
            List.of("--filter-no-match", "[OX2]S(=O)(=O)[OX2H]"),
            // no input has a sulfate ester (NCI has sulfonic acids, C-S): sulfation made each one
            (Predicate<String[]>) r -> !r[1].equals("phenol_o_sulfation")),
        Arguments.of(
            "must_match [NX3][CX3](=O)[CH3]",
            List.of("--filter-match", "[NX3][CX3](=O)[CH3]"),
            // keeps the acetamides: those N-acetylation made, and products of parents with one
            (Predicate<String[]>) r -> r[1].equals("amine_n_acetylation") || hasAcetamide(r[0])));
  }

  private static boolean hasAcetamide(String smiles) {
    return SmartsPattern.create("[NX3][CX3](=O)[CH3]").matches(molecule(smiles));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void eachFilterRemovesExactlyTheProductsFailingItAndCountsThem(
      String reason, List<String> options, Predicate<String[]> keeps) throws Exception {
    Path out = dir.resolve(reason.replaceAll("\\W", "_") + ".parquet");
    CliRuns.Run run = apply(out, options.toArray(new String[0]));
    assertEquals(0, run.exit(), run.err());

    List<String[]> all = rows(unfiltered);
    List<String> expected = all.stream().filter(keeps).map(r -> String.join(" ", r)).toList();
    List<String> actual = rows(out).stream().map(r -> String.join(" ", r)).toList();
    assertTrue(expected.size() < all.size(), reason + " removes some of " + all.size() + " rows");
    assertTrue(!expected.isEmpty(), reason + " keeps some rows");
    assertEquals(expected, actual);

    RunSummary s = summary(out);
    assertEquals(List.of(), s.identityViolations());
    assertEquals(Map.of(reason, s.products().filtered()), s.products().filteredByReason());
    assertTrue(s.products().filtered() >= all.size() - expected.size());
    assertEquals(
        unfilteredSummary.products().generated(),
        s.products().generated() + s.products().filtered(),
        "a product is either generated or filtered");
    assertEquals(unfilteredSummary.rows(), s.rows(), "filters do not change what rows became");
    assertTrue(SummaryReport.text(s).contains("Products filtered"));
  }

  @Test
  void aLibraryFiltersBlockFiltersAndAnOptionReplacesItsCriterion() throws Exception {
    Path yaml = dir.resolve("filtered-library.yaml");
    Files.writeString(
        yaml,
        Files.readString(Path.of("config/transforms.yaml"))
            + "\nfilters:\n  max_weight: 250\n  must_not_match: [\"S(=O)(=O)[OX2H]\"]\n");
    Path fromBlock = dir.resolve("block.parquet");
    Path fromOptions = dir.resolve("options.parquet");
    Path overridden = dir.resolve("overridden.parquet");
    Path optionsOnly = dir.resolve("options-only.parquet");
    assertEquals(0, apply(fromBlock, "--transforms", yaml.toString()).exit());
    assertEquals(
        0,
        apply(fromOptions, "--filter-max-weight", "250", "--filter-no-match", "S(=O)(=O)[OX2H]")
            .exit());
    assertEquals(rows(fromOptions).size(), rows(fromBlock).size());
    assertEquals(
        rows(fromOptions).stream().map(r -> r[0]).toList(),
        rows(fromBlock).stream().map(r -> r[0]).toList());
    assertEquals(summary(fromOptions).products(), summary(fromBlock).products());

    // --filter-max-weight replaces the block's max_weight; its must_not_match stays
    assertEquals(
        0, apply(overridden, "--transforms", yaml.toString(), "--filter-max-weight", "400").exit());
    assertEquals(
        0,
        apply(optionsOnly, "--filter-max-weight", "400", "--filter-no-match", "S(=O)(=O)[OX2H]")
            .exit());
    assertEquals(
        rows(optionsOnly).stream().map(r -> r[0]).toList(),
        rows(overridden).stream().map(r -> r[0]).toList());
  }

  @Test
  void filtersActOnEveryGeneration() throws Exception {
    Path out = dir.resolve("two-generations.parquet");
    CliRuns.Run run = apply(out, "--generations", "2", "--filter-max-weight", "420");
    assertEquals(0, run.exit(), run.err());
    RunSummary s = summary(out);
    assertEquals(List.of(), s.identityViolations());
    assertEquals(2, s.generations().size());
    for (RunSummary.GenerationCounts g : s.generations()) {
      assertTrue(g.products().filtered() > 0, "generation " + g.generation() + " filters");
      assertTrue(g.products().written() > 0, "generation " + g.generation() + " writes");
    }
    assertEquals(
        List.of(),
        rows(out).stream().filter(r -> weight(r[0]) > 420).map(r -> r[0]).toList(),
        "no product of any generation is above the weight");
  }

  @Test
  void aBadFilterIsAUsageErrorNamingTheOption() throws Exception {
    CliRuns.Run bad = apply(dir.resolve("bad.parquet"), "--filter-no-match", "[C");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("--filter-no-match: SMARTS '[C' does not parse"), bad.err());
    CliRuns.Run range =
        apply(
            dir.resolve("range.parquet"),
            "--filter-min-weight",
            "500",
            "--filter-max-weight",
            "100");
    assertEquals(2, range.exit());
    assertTrue(
        range.err().contains("--filter-min-weight 500.0 is above max_weight 100.0"), range.err());
    CliRuns.Run element = apply(dir.resolve("element.parquet"), "--filter-elements", "C,Xx");
    assertEquals(2, element.exit());
    assertTrue(element.err().contains("'Xx' is not a heavy element symbol"), element.err());
  }
}
