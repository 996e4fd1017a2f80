package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.chem.TransformDefinition;
import org.transformpipeline.chem.TransformLibrary;

class TransformsCommandTest {

  @TempDir Path dir;

  static CliRuns.Run run(String... args) {
    return CliRuns.run(args);
  }

  @Test
  void listShowsEveryDefaultTransform() {
    CliRuns.Run run = run("transforms", "list");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(0).matches("NAME +CATEGORY +SMIRKS +DESCRIPTION"), lines.get(0));
    List<TransformDefinition> defaults = TransformLibrary.defaults().transforms();
    for (int i = 0; i < defaults.size(); i++) {
      TransformDefinition t = defaults.get(i);
      String row = lines.get(i + 1);
      assertTrue(
          row.matches(
              "\\Q"
                  + t.name()
                  + "\\E +\\Q"
                  + t.category()
                  + "\\E +\\Q"
                  + t.smirks()
                  + "\\E +\\Q"
                  + t.description()
                  + "\\E"),
          row);
    }
    assertEquals(defaults.size() + " transforms from built-in", lines.get(lines.size() - 1));
  }

  @Test
  void listOnlyShowsTheSelection() {
    CliRuns.Run run = run("transforms", "list", "--only", "phenol_o_sulfation,amine_n_acetylation");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(1).startsWith("phenol_o_sulfation "), lines.get(1));
    assertTrue(lines.get(2).startsWith("amine_n_acetylation "), lines.get(2));
    assertEquals("2 transforms from built-in", lines.get(lines.size() - 1));
  }

  @Test
  void onlyWithAnUnknownNameIsAUsageErrorListingKnownNames() {
    CliRuns.Run run = run("transforms", "list", "--only", "phenol_o_sulfation,o_methylation");
    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertTrue(
        run.err()
            .startsWith(
                "error: built-in: unknown transform 'o_methylation' (known: phenol_o_methylation,"
                    + " phenol_o_sulfation,"),
        run.err());
  }

  @Test
  void badLibraryFileIsAUsageErrorWithACaret() throws IOException {
    Path file = dir.resolve("x.yaml");
    Files.writeString(file, "transforms:\n  - name: bad_one\n    smirks: '[c:1][OH:2>>[c:1]O'\n");
    CliRuns.Run run = run("transforms", "list", "--transforms", file.toString());
    assertEquals(2, run.exit());
    assertEquals(
        "error: "
            + file
            + ": transform 'bad_one': unbalanced '[' at position 6\n"
            + "  [c:1][OH:2>>[c:1]O\n"
            + "       ^\n",
        run.err().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void listWithAUserLibraryShowsMaxSites() throws IOException {
    Path file = dir.resolve("mine.yaml");
    Files.writeString(
        file,
        "transforms:\n  - name: o_methyl\n    smirks: '[c:1][OX2;H1;+0:2]>>[c:1][OH0:2]C'\n"
            + "    description: methyl ether\n    category: test\n    max_sites: 2\n");
    CliRuns.Run run = run("transforms", "list", "--transforms", file.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(
        run.out()
            .contains(
                "o_methyl  test      [c:1][OX2;H1;+0:2]>>[c:1][OH0:2]C  methyl ether (at most 2"
                    + " sites per parent)"),
        run.out());
    assertTrue(run.out().strip().endsWith("1 transform from " + file), run.out());
  }

  @Test
  void transformsWithoutASubcommandIsAUsageError() {
    CliRuns.Run run = run("transforms");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("error: missing subcommand: 'list' or 'check'"), run.err());
  }

  @Test
  void checkPrintsEachParentWithItsProductsOrWhyNot() throws IOException {
    Path input = dir.resolve("mols.smi");
    Files.writeString(
        input, "Oc1ccc(O)cc1 hydroquinone\n\nCCCC butane\nC1CC( broken\nNCCN\nOc1ccccc1 phenol\n");
    CliRuns.Run run =
        run(
            "transforms",
            "check",
            "--input",
            input.toString(),
            "--limit",
            "4",
            "--only",
            "phenol_o_methylation,amine_n_acetylation");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(
        List.of(
            "1  hydroquinone  Oc1ccc(O)cc1",
            "    phenol_o_methylation  site 0    "
                + new org.transformpipeline.chem.CanonicalSmiles().of("COc1ccc(O)cc1"),
            "2  butane  CCCC",
            "    no site matched",
            "3  broken  C1CC("),
        lines.subList(0, 5));
    assertTrue(lines.get(5).startsWith("    rejected: parse: invalid SMILES"), lines.get(5));
    assertEquals("4  line 5  NCCN", lines.get(6));
    assertTrue(lines.get(7).startsWith("    amine_n_acetylation   site 0    "), lines.get(7));
    assertEquals(8, lines.size() - 2, run.out());
    assertEquals(
        "4 molecules from "
            + input
            + ", 2 transforms from built-in: 2 with products (2 products),"
            + " 1 with no site, 1 rejected",
        lines.get(lines.size() - 1));
  }

  @Test
  void checkValidatesTheLibraryBeforeReadingTheInput() throws IOException {
    Path library = dir.resolve("x.yaml");
    Files.writeString(library, "transforms:\n  - name: bad_one\n    smirks: '[c:1][OH:2]'\n");
    CliRuns.Run run =
        run(
            "transforms",
            "check",
            "--input",
            dir.resolve("missing.smi").toString(),
            "--transforms",
            library.toString());
    assertEquals(2, run.exit());
    assertTrue(
        run.err().startsWith("error: " + library + ": transform 'bad_one': missing '>>'"),
        run.err());
  }

  @Test
  void checkWithAMissingInputFails() {
    Path input = dir.resolve("missing.smi");
    CliRuns.Run run = run("transforms", "check", "--input", input.toString());
    assertEquals(1, run.exit());
    assertEquals("error: " + input + ": no such file", run.err().strip());
  }

  @Test
  void checkRefusesAZeroLimit() {
    CliRuns.Run run = run("transforms", "check", "--input", "x.smi", "--limit", "0");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("error: --limit must be at least 1, not 0"), run.err());
  }
}
