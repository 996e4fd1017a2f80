package org.transformpipeline.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transform files with dialects and probabilities: the YAML/JSON {@code dialect} keys, and the
 * tab-separated rule lines public rule sets ship in.
 */
class RuleFileTest {

  @TempDir Path dir;

  private TransformLibrary load(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return TransformLibrary.load(file);
  }

  private String loadError(String name, String text) {
    String message =
        assertThrows(TransformLibraryException.class, () -> load(name, text)).getMessage();
    return message.replace(dir + "/", "");
  }

  private static List<Dialect> dialects(TransformLibrary library) {
    return library.transforms().stream().map(TransformDefinition::dialect).toList();
  }

  @Test
  void fileDialectAppliesToEveryTransformThatNamesNoneOfItsOwn() throws IOException {
    TransformLibrary library =
        load(
            "lib.yaml",
            """
            transforms:
              - name: literal
                smirks: '[c:1][OH1:2]>>[c:1][OH0:2]C'
              - name: as_rdkit
                smirks: '[c:1][OH1:2]>>[c:1][O:2]C'
                dialect: rdkit
                probability: 0.25
            dialect: cdk
            """);
    assertEquals(List.of(Dialect.CDK, Dialect.RDKIT), dialects(library));
    assertEquals(0.25, library.transforms().get(1).probability());
    assertEquals(null, library.transforms().get(0).probability());
    assertEquals(
        List.of(Dialect.DAYLIGHT, Dialect.DAYLIGHT), dialects(library.inDialect(Dialect.DAYLIGHT)));
  }

  @Test
  void withoutADialectKeyTheLibraryIsRdkit() throws IOException {
    TransformLibrary library =
        load(
            "lib.json",
            "{\"transforms\": [{\"name\": \"a\", \"smirks\": \"[c:1][OH1:2]>>[c:1][O:2]C\"}]}");
    assertEquals(List.of(Dialect.RDKIT), dialects(library));
  }

  @Test
  void unknownDialectAndBadProbabilityAreNamed() {
    assertEquals(
        "x.yaml: line 1: unknown dialect 'openeye' (known: rdkit, daylight, cdk)",
        loadError("x.yaml", "dialect: openeye\ntransforms:\n  - name: a\n    smirks: 'C>>C'\n"));
    assertEquals(
        "x.yaml: transform 'a' (line 2): 'probability' must be a number from 0 to 1, not '1.5'",
        loadError(
            "x.yaml", "transforms:\n  - name: a\n    smirks: 'C>>C'\n    probability: 1.5\n"));
  }

  @Test
  void sygmaStyleLinesReadSmirksProbabilityNameAndComment() throws IOException {
    TransformLibrary library =
        load(
            "rules.txt",
            "#####\n# a comment block\n#\n"
                + "[c:1][OH1:2]>>[c:1][O:2]C\t0.546\tO-methylation_(aromatic)\t#77/141\n"
                + "\n"
                + "[c:1][O:2][CH3]>>[c:1][O:2]\t0.3\tO-demethylation\t#12/14\n"
                + "[c:1][O:2][CH2][CH3]>>[c:1][O:2]\t0.2\tO-demethylation\t#1/2\n");
    assertEquals(
        List.of(
            new TransformDefinition(
                "O-methylation_(aromatic)",
                "[c:1][OH1:2]>>[c:1][O:2]C",
                "77/141",
                "rules", // the file name is the category
                null,
                Dialect.RDKIT,
                0.546),
            new TransformDefinition(
                "O-demethylation",
                "[c:1][O:2][CH3]>>[c:1][O:2]",
                "12/14",
                "rules", // the file name is the category
                null,
                Dialect.RDKIT,
                0.3),
            new TransformDefinition(
                "O-demethylation_2",
                "[c:1][O:2][CH2][CH3]>>[c:1][O:2]",
                "1/2",
                "rules", // the file name is the category
                null,
                Dialect.RDKIT,
                0.2)),
        library.transforms());
  }

  @Test
  void aHeaderNamesTheColumnsInAnyOrder() throws IOException {
    TransformLibrary library =
        load(
            "rules.tsv",
            "name\tprobability\tsmirks\tdialect\n"
                + "methyl\t0.5\t[c:1][OH1:2]>>[c:1][OH0:2]C\tcdk\n"
                + "plain\t\t[c:1][OH1:2]>>[c:1][O:2]C\t\n");
    assertEquals(
        List.of("methyl", "plain"),
        library.transforms().stream().map(TransformDefinition::name).toList());
    assertEquals(List.of(Dialect.CDK, Dialect.RDKIT), dialects(library));
    assertEquals(0.5, library.transforms().get(0).probability());
    assertEquals(null, library.transforms().get(1).probability());
  }

  @Test
  void badRuleLinesNameTheFileAndLine() {
    assertEquals(
        "r.txt: line 2: missing name (SMIRKS<TAB>name)",
        loadError("r.txt", "# rules\n[c:1][OH1:2]>>[c:1][O:2]C\t0.5\n"));
    assertEquals(
        "r.txt: line 1: probability must be a number from 0 to 1, not '2'",
        loadError("r.txt", "[c:1][OH1:2]>>[c:1][O:2]C\t2\tname\n"));
    assertEquals(
        "r.txt: no rule lines (SMIRKS<TAB>name...)", loadError("r.txt", "# only a comment\n"));
    assertEquals(
        "r.tsv: line 1: the header must name a 'smirks' and a 'name' column",
        loadError("r.tsv", "smirks\tprobability\n"));
    String caret = loadError("r.txt", "[c:1][OH1:2>>[c:1][O:2]C\tbroken\n");
    assertEquals(
        "r.txt: transform 'broken': unbalanced '[' at position 6\n"
            + "  [c:1][OH1:2>>[c:1][O:2]C\n"
            + "       ^",
        caret);
  }
}
