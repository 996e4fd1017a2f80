package org.transformpipeline.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openscience.cdk.isomorphism.Transform;
import org.openscience.cdk.smirks.Smirks;

class TransformLibraryTest {

  static final List<String> DEFAULT_NAMES =
      List.of(
          "phenol_o_methylation",
          "phenol_o_sulfation",
          "phenol_o_glucuronidation",
          "phenol_o_glucosidation",
          "phenol_o_acetylation",
          "amine_n_acetylation",
          "peptide_c_terminal_amidation",
          "peptide_n_terminal_acetylation",
          "peptide_c_terminal_methyl_ester",
          "peptide_backbone_n_methylation");

  @TempDir Path dir;

  @Test
  void defaultsLoadFromTheJarResource() {
    TransformLibrary library = TransformLibrary.defaults();
    assertEquals("built-in", library.source());
    assertEquals(
        DEFAULT_NAMES, library.transforms().stream().map(TransformDefinition::name).toList());
    for (TransformDefinition t : library.transforms()) {
      assertTrue(!t.description().isBlank(), t.name() + " has a description");
      assertTrue(!t.category().isBlank(), t.name() + " has a category");
    }
    assertEquals("[c:1][OX2;H1;+0:2]>>[c:1][O:2]C", library.transforms().get(0).smirks());
    assertEquals(Dialect.RDKIT, library.transforms().get(0).dialect());
  }

  @Test
  void jarResourceIsTheConfigFile() throws IOException {
    try (InputStream in = TransformLibrary.class.getResourceAsStream(TransformLibrary.RESOURCE)) {
      assertEquals(
          Files.readString(Path.of("config/transforms.yaml")),
          new String(in.readAllBytes(), "UTF-8"));
    }
  }

  static List<TransformDefinition> defaultTransforms() {
    return TransformLibrary.defaults().transforms();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaultTransforms")
  void everyDefaultSmirksCompilesWithoutWarnings(TransformDefinition transform) {
    Transform compiled = new Transform();
    assertTrue(Smirks.parse(compiled, transform.smirks()), transform.name());
    assertNull(compiled.message(), transform.name() + ": CDK warning");
    Smirks.compile(transform.smirks());
  }

  @Test
  void loadsYamlWithEveryField() throws IOException {
    Path file = dir.resolve("lib.yaml");
    Files.writeString(
        file,
        "transforms:\n"
            + "  - name: o_methyl\n"
            + "    smirks: \"[c:1][OX2;H1;+0:2]>>[c:1][OH0:2]C\"\n"
            + "    description: methyl ether\n"
            + "    category: test\n"
            + "    max_sites: 3\n"
            + "  - name: n_acetyl\n"
            + "    smirks: '[NX3;H2:1][CX4:2]>>[C:2][NH1:1]C(C)=O'\n");
    TransformLibrary library = TransformLibrary.load(file);
    assertEquals(file.toString(), library.source());
    assertEquals(
        List.of(
            new TransformDefinition(
                "o_methyl",
                "[c:1][OX2;H1;+0:2]>>[c:1][OH0:2]C",
                "methyl ether",
                "test",
                3,
                Dialect.RDKIT,
                null),
            new TransformDefinition(
                "n_acetyl",
                "[NX3;H2:1][CX4:2]>>[C:2][NH1:1]C(C)=O",
                "",
                "",
                null,
                Dialect.RDKIT,
                null)),
        library.transforms());
  }

  @Test
  void loadsJsonAndABareList() throws IOException {
    Path file = dir.resolve("lib.json");
    Files.writeString(
        file,
        "[{\"name\": \"o_methyl\", \"smirks\": \"[c:1][OX2;H1;+0:2]>>[c:1][OH0:2]C\","
            + " \"category\": \"test\", \"max_sites\": 2}]");
    TransformLibrary library = TransformLibrary.load(file);
    assertEquals(
        List.of(
            new TransformDefinition(
                "o_methyl",
                "[c:1][OX2;H1;+0:2]>>[c:1][OH0:2]C",
                "",
                "test",
                2,
                Dialect.RDKIT,
                null)),
        library.transforms());
  }

  @Test
  void onlyKeepsTheNamedTransformsInLibraryOrder() {
    TransformLibrary only =
        TransformLibrary.defaults()
            .only(List.of("peptide_c_terminal_amidation", "phenol_o_sulfation"));
    assertEquals(
        List.of("phenol_o_sulfation", "peptide_c_terminal_amidation"),
        only.transforms().stream().map(TransformDefinition::name).toList());
    assertEquals("built-in", only.source());
  }

  @Test
  void onlyWithUnknownNamesListsTheKnownNames() {
    TransformLibraryException e =
        assertThrows(
            TransformLibraryException.class,
            () -> TransformLibrary.defaults().only(List.of("phenol_o_sulfation", "nope", "nada")));
    assertEquals(
        "built-in: unknown transforms 'nope', 'nada' (known: "
            + String.join(", ", DEFAULT_NAMES)
            + ")",
        e.getMessage());
  }

  @Test
  void onlyWithOneUnknownName() {
    TransformLibraryException e =
        assertThrows(
            TransformLibraryException.class,
            () -> TransformLibrary.defaults().only(List.of("nope")));
    assertTrue(
        e.getMessage()
            .startsWith("built-in: unknown transform 'nope' (known: phenol_o_methylation, "),
        e.getMessage());
  }

  @Test
  void onlyWithNoNameIsAnError() {
    TransformLibraryException e =
        assertThrows(
            TransformLibraryException.class, () -> TransformLibrary.defaults().only(List.of(" ")));
    assertTrue(e.getMessage().startsWith("built-in: no transform named (known: "), e.getMessage());
  }
}
