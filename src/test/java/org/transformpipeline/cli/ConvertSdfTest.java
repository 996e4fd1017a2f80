package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transformpipeline.testing.DuckDb.parquet;
import static org.transformpipeline.testing.DuckDb.query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.MDLV3000Writer;
import org.openscience.cdk.layout.StructureDiagramGenerator;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;
import org.transformpipeline.chem.CanonicalSmiles;
import org.transformpipeline.testing.DuckDb;

/** {@code convert} from SD files: properties as columns, broken records, ids, round trips. */
class ConvertSdfTest {

  @TempDir Path dir;

  private Path sdf;
  private long brokenLine;

  private static Map<String, String> items(String... namesAndValues) {
    Map<String, String> items = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      items.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return items;
  }

  /** Four records, the second broken, written gzipped. */
  @BeforeEach
  void vendorFile() throws IOException {
    SdFixture fixture =
        new SdFixture()
            .record("ethanol", "CCO", items("CAT_NO", "E-1", "note", "first line\nsecond line"));
    brokenLine = fixture.nextLine();
    fixture
        .broken("broken", items("CAT_NO", "B-2"))
        .record("L-alanine", "C[C@H](N)C(=O)O", items("CAT_NO", "A-3", "mw", "89.09"))
        .record("", "N", items("SMILES", "N", "CAT_NO", "N-4"));
    sdf = dir.resolve("vendor.sdf.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(sdf))) {
      out.write(fixture.text().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static CliRuns.Run convert(String... args) {
    List<String> full = new ArrayList<>(List.of("convert"));
    full.addAll(List.of(args));
    return CliRuns.run(full.toArray(String[]::new));
  }

  private static String canonical(Object smiles) {
    return new CanonicalSmiles().of((String) smiles);
  }

  @Test
  void propertiesBecomeColumnsAndABrokenRecordIsCountedWithItsLine() {
    Path out = dir.resolve("vendor.parquet");

    CliRuns.Run run = convert("--input", sdf.toString(), "--output", out.toString());

    assertEquals(0, run.exit(), run.err());
    String[] report = run.out().split("\n");
    assertEquals(
        "convert: read 4 records, wrote 3 rows to " + out + "; skipped 1", report[0], run.out());
    assertEquals("  skipped, unreadable molfile: 1 (line " + brokenLine + ")", report[1]);
    assertTrue(
        report[2].startsWith("  line " + brokenLine + ": unreadable molfile: ")
            && report[2].contains("garbage here"),
        report[2]);
    assertEquals("  note: SD property 'SMILES' -> 'SMILES_2' (name taken)", report[3]);
    assertEquals(4, report.length, run.out());
    assertEquals(
        List.of("smiles", "id", "CAT_NO", "note", "mw", "SMILES_2"),
        List.copyOf(DuckDb.columnTypes(out).keySet()));
    List<List<Object>> rows =
        query("SELECT * FROM read_parquet('" + out + "', file_row_number = true)");
    assertEquals(3, rows.size());
    assertEquals(
        List.of(canonical("CCO"), canonical("C[C@H](N)C(=O)O"), canonical("N")),
        rows.stream().map(row -> canonical(row.get(0))).toList(),
        "structures, with the stereocentre");
    assertEquals(
        List.of(
            Arrays.asList("ethanol", "E-1", "first line\nsecond line", null, null),
            Arrays.asList("L-alanine", "A-3", null, "89.09", null),
            Arrays.asList(null, "N-4", null, null, "N")),
        rows.stream().map(row -> row.subList(1, 6)).toList());
  }

  @Test
  void anIdFieldTakesTheIdFromAPropertyAndKeepsTheTitleAsAColumn() {
    Path out = dir.resolve("vendor.parquet");

    CliRuns.Run run =
        convert("--input", sdf.toString(), "--output", out.toString(), "--id-field", "CAT_NO");

    assertEquals(0, run.exit(), run.err());
    assertEquals(
        List.of(
            Arrays.asList("E-1", "ethanol", "first line\nsecond line"),
            Arrays.asList("A-3", "L-alanine", null),
            Arrays.asList("N-4", null, null)),
        query("SELECT id, title, note FROM " + parquet(out)));
    assertEquals(
        List.of("smiles", "id", "title", "note", "mw", "SMILES_2"),
        List.copyOf(DuckDb.columnTypes(out).keySet()));
  }

  @Test
  void aMissingIdPropertyIsAnErrorNamingTheProperties() {
    Path out = dir.resolve("vendor.parquet");

    CliRuns.Run run =
        convert("--input", sdf.toString(), "--output", out.toString(), "--id-field", "ID");

    assertEquals(1, run.exit());
    assertEquals(
        "error: " + sdf + ": no SD property 'ID' (properties: CAT_NO, note, mw, SMILES)\n",
        run.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void v3000RecordsAreReadAndRecordsWithoutAtomsAreSkipped() throws Exception {
    IAtomContainer serine =
        new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles("N[C@@H](CO)C(=O)O");
    new StructureDiagramGenerator().generateCoordinates(serine);
    serine.setTitle("L-serine");
    StringWriter v3000 = new StringWriter();
    try (MDLV3000Writer writer = new MDLV3000Writer(v3000)) {
      writer.write(serine);
    }
    String empty = "nothing\n  hand-made\n\n  0  0  0  0  0  0  0  0  0  0999 V2000\nM  END\n";
    Path file =
        Files.writeString(
            dir.resolve("mixed.sdf"), v3000 + "> <CAT_NO>\nS-1\n\n$$$$\n" + empty + "$$$$\n");
    long emptyLine = v3000.toString().split("\n").length + 5;
    Path out = dir.resolve("mixed.parquet");

    CliRuns.Run run = convert("--input", file.toString(), "--output", out.toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals(
        "convert: read 2 records, wrote 1 row to "
            + out
            + "; skipped 1\n  skipped, no atoms: 1 (line "
            + emptyLine
            + ")\n",
        run.out());
    List<List<Object>> rows = query("SELECT * FROM " + parquet(out));
    assertEquals(canonical("N[C@@H](CO)C(=O)O"), canonical(rows.get(0).get(0)));
    assertEquals(List.of("L-serine", "S-1"), rows.get(0).subList(1, 3));
  }

  @Test
  void sdfToCsvKeepsEveryPropertyAndTheBrokenRecordIsStillReported() throws IOException {
    Path out = dir.resolve("vendor.tsv");

    CliRuns.Run run = convert("--input", sdf.toString(), "--output", out.toString());

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("skipped, unreadable molfile: 1 (line " + brokenLine + ")"));
    List<String> lines = Files.readAllLines(out);
    assertEquals("smiles\tid\tCAT_NO\tnote\tmw\tSMILES_2", lines.get(0));
    assertEquals(
        List.of("ethanol", "E-1", "\"first line"), List.of(lines.get(1).split("\t")).subList(1, 4));
    assertEquals("second line\"\t\t", lines.get(2));
    assertEquals(4 + 1, lines.size(), "header, 3 records, one of them on two lines");
  }
}
