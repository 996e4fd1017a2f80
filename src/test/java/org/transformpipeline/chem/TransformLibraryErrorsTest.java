package org.transformpipeline.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a transform file can be wrong gives one message naming file, transform, position. */
class TransformLibraryErrorsTest {

  @TempDir Path dir;

  private String loadError(String fileName, String content) throws IOException {
    Path file = dir.resolve(fileName);
    Files.writeString(file, content);
    TransformLibraryException e =
        assertThrows(TransformLibraryException.class, () -> TransformLibrary.load(file));
    return e.getMessage().replace(file.toString(), fileName);
  }

  private String smirksError(String smirks) throws IOException {
    return loadError(
        "x.yaml",
        "transforms:\n  - name: bad_one\n    smirks: '" + smirks + "'\n    category: test\n");
  }

  @Test
  void unbalancedBracketShowsTheSmirksAndACaret() throws IOException {
    assertEquals(
        "x.yaml: transform 'bad_one': unbalanced '[' at position 6\n"
            + "  [c:1][OH:2>>[c:1]O\n"
            + "       ^",
        smirksError("[c:1][OH:2>>[c:1]O"));
  }

  /** Columns: SMIRKS, message, 1-based position of the caret. */
  @ParameterizedTest(name = "{0}: {1} at {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "[c:1][OH:2>>[c:1]O                        | unbalanced '['                                     | 6",
        "[c:1][OH:2]]>>[c:1]O                      | unbalanced ']'                                     | 12",
        "[c:1]([OH:2]>>[c:1]O                      | unbalanced '('                                     | 6",
        "[c:1][OH:2])>>[c:1]O                      | unbalanced ')'                                     | 12",
        "[c:1][OH:2]>>[c:1][O:2](C                 | unbalanced '('                                     | 24",
        "[N;!$(NC=O:1]>>[N:1]C                      | unbalanced '('                                     | 6",
        "[c:1][OH:2]                               | missing '>>' between reactant and product          | 12",
        "[c:1][OH:2]>[c:1]O                        | single '>' where '>>' was expected                 | 12",
        "[C:1]>>[C:1]>>C                           | more than one reaction arrow '>>'                  | 13",
        ">>C                                       | no reactant pattern before '>>'                    | 1",
        "[c:1]O>>[c:1]O.C C                        | whitespace inside the SMIRKS                       | 17",
        "[c:1][OH:2]>>[c:1][O:3]C                  | product atom map :3 is not on the reactant side    | 19",
        "[c:1][OH:2]>>[c:1][OH0:2]C.[C:9]          | product atom map :9 is not on the reactant side    | 28",
        "[c:1][OH:1]>>[c:1][O:1]C                  | atom map :1 used twice on the reactant side        | 6",
        "[c:1][OH:2]>>[c:1][O:2][C:2]              | atom map :2 used twice on the product side         | 24",
        "[c:1][O&&:2]>>[c:1]O                      | invalid atom expression                            | 9",
        "[c:1][OH:2]>>[c:1][O:2]C1CC               | unclosed ring, component group, or branch          | 27",
        "[c:1][OH:2]>>[c:1][O:2][C@@]([#1])(F)Cl   | CDK cannot compile an explicit hydrogen on a new stereocentre; write it [#1+0] | 30",
      })
  void badSmirksIsReportedAtItsPosition(String smirks, String message, int position)
      throws IOException {
    assertEquals(
        "x.yaml: transform 'bad_one': "
            + message
            + " at position "
            + position
            + "\n"
            + "  "
            + smirks
            + "\n"
            + "  "
            + " ".repeat(position - 1)
            + "^",
        smirksError(smirks));
  }

  @Test
  void newAtomsWithoutMapNumbersAreAllowed() throws IOException {
    Path file = dir.resolve("ok.yaml");
    Files.writeString(
        file, "transforms:\n  - name: ok\n    smirks: '[c:1][OX2;H1;+0:2]>>[c:1][OH0:2]C(C)=O'\n");
    assertEquals(1, TransformLibrary.load(file).transforms().size());
  }

  /** Columns: file content (with \n escapes), message. */
  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "transforms:\\n  - name: a\\n    smirks: [c:1][OH:2]>>[c:1]O\\n"
            + " | x.yaml: YAML syntax error at line 3, column 18: while parsing a block mapping;"
            + " expected <block end>, but found '[' (a SMIRKS starting with '[' must be quoted)",
        "transforms:\\n\\t- name: a\\n"
            + " | x.yaml: YAML syntax error at line 2, column 1: while scanning for the next token;"
            + " found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)",
        "transforms:\\n  - name: a\\n    name: b\\n    smirks: 'C>>C'\\n"
            + " | x.yaml: YAML syntax error at line 3, column 9: Duplicate field 'name'",
        "transforms:\\n  - smirks: '[c:1][OH:2]>>[c:1][OH0:2]C'\\n"
            + " | x.yaml: transform #1 (line 2): missing 'name'",
        "transforms:\\n  - name: a\\n    smirks: '[c:1][OH:2]>>[c:1][OH0:2]C'\\n  - name: b\\n    description: no smirks\\n"
            + " | x.yaml: transform 'b' (line 4): missing 'smirks'",
        "transforms:\\n  - name: a\\n    smirks: '[c:1][OH:2]>>[c:1][OH0:2]C'\\n  - name: a\\n    smirks: 'C>>C'\\n"
            + " | x.yaml: transform 'a' (line 4): duplicate name, first defined at line 2",
        "transforms:\\n  - name: Bad-Name\\n    smirks: 'C>>C'\\n"
            + " | x.yaml: transform #1 (line 2): name 'Bad-Name' is not snake_case (a-z, 0-9 and '_', starting with a letter)",
        "transforms:\\n  - name: a\\n    smirk: 'C>>C'\\n"
            + " | x.yaml: transform 'a' (line 2): unknown key 'smirk' (known: name, smirks, description, category, max_sites, dialect, probability)",
        "transforms:\\n  - name: a\\n    smirks: 'C>>C'\\n    max_sites: 0\\n"
            + " | x.yaml: transform 'a' (line 2): 'max_sites' must be a whole number of at least 1, not '0'",
        "transforms:\\n  - name: a\\n    smirks:\\n      - 'C>>C'\\n"
            + " | x.yaml: transform 'a' (line 2): 'smirks' must be text (quote it: smirks: \"[c:1]...\")",
        "transforms:\\n  - just a string\\n"
            + " | x.yaml: transform #1 (line 2): expected a mapping with 'name' and 'smirks'",
        "transforms: []\\n | x.yaml: the 'transforms' list is empty",
        "transform:\\n  - name: a\\n | x.yaml: line 1: unknown key 'transform' (expected 'dialect', 'filters' or 'transforms')",
        "\\n | x.yaml: no 'transforms' list found",
        "transforms:\\n  - name: a\\n    smirks: 'C>>C'\\nfilters:\\n  max_mass: 500\\n"
            + " | x.yaml: filters (line 4): unknown key 'max_mass' (known: min_weight, max_weight,"
            + " min_heavy_atoms, max_heavy_atoms, elements, must_match, must_not_match)",
        "transforms:\\n  - name: a\\n    smirks: 'C>>C'\\nfilters:\\n  max_weight: heavy\\n"
            + " | x.yaml: filters (line 4): 'max_weight' must be a number, not 'heavy'",
        "transforms:\\n  - name: a\\n    smirks: 'C>>C'\\nfilters:\\n  must_match: ['[C']\\n"
            + " | x.yaml: filters (line 4): must_match: SMARTS '[C' does not parse: Could not parse SMARTS: [C",
      })
  void badFileIsReportedWithFileAndEntry(String content, String message) throws IOException {
    String text = content.replace("\\n", "\n").replace("\\t", "\t");
    assertEquals(message.strip(), loadError("x.yaml", text));
  }

  @Test
  void jsonSyntaxErrorHasLineAndColumn() throws IOException {
    assertEquals(
        "x.json: JSON syntax error at line 2, column 3: Unexpected character ('}' (code 125)):"
            + " was expecting double-quote to start field name",
        loadError("x.json", "{\"transforms\": [{\"name\": \"a\",\n  }]}"));
  }

  @Test
  void unknownFileTypeIsRefused() throws IOException {
    assertEquals(
        "x.csv: unknown transform file type (expected .yaml, .yml, .json, .txt or .tsv)",
        loadError("x.csv", "transforms: []"));
  }

  @Test
  void missingFileIsNamed() {
    Path file = dir.resolve("missing.yaml");
    TransformLibraryException e =
        assertThrows(TransformLibraryException.class, () -> TransformLibrary.load(file));
    assertEquals(file + ": no such transform file", e.getMessage());
  }

  @Test
  void laterBadTransformIsNamedEvenAfterGoodOnes() throws IOException {
    assertEquals(
        "x.yaml: transform 'second': product atom map :3 is not on the reactant side at position 19\n"
            + "  [c:1][OH:2]>>[c:1][O:3]C\n"
            + "                    ^",
        loadError(
            "x.yaml",
            "transforms:\n  - name: first\n    smirks: '[c:1][OX2;H1;+0:2]>>[c:1][OH0:2]C'\n"
                + "  - name: second\n    smirks: '[c:1][OH:2]>>[c:1][O:3]C'\n"));
  }
}
