package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transformpipeline.testing.DuckDb.parquet;
import static org.transformpipeline.testing.DuckDb.query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.transformpipeline.parquet.BatchReader;
import org.transformpipeline.parquet.IdColumn;
import org.transformpipeline.parquet.LibraryWriter;
import org.transformpipeline.pipeline.InputRow;
import org.transformpipeline.pipeline.RowBatch;
import org.transformpipeline.testing.DuckDb;

class ConvertCommandTest {

  private static final Path NCI_5K = Path.of("test-data/nci_first_5k.smi");

  @TempDir Path dir;

  /** What a run printed and returned. */
  record Run(int exitCode, String out, String err) {}

  private static Run convert(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] full = new String[args.length + 1];
    full[0] = "convert";
    System.arraycopy(args, 0, full, 1, args.length);
    int exit = TransformCli.run(full, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  /** (smiles, id) pairs of a library in file order, read by DuckDB. */
  private static List<List<Object>> molecules(Path library) {
    return query(
        "SELECT smiles, id FROM read_parquet('"
            + library
            + "', file_row_number = true) ORDER BY file_row_number");
  }

  @Test
  void convertsTheNci5kSmilesFileLineForLine() throws IOException {
    Path out = dir.resolve("nci.parquet");

    Run run = convert("--input", NCI_5K.toString(), "--output", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("convert: wrote 4999 rows to " + out + "; no lines skipped\n", run.out());
    List<List<Object>> rows = molecules(out);
    assertEquals(4999, rows.size());
    assertEquals(List.of("CC1=CC(=O)C=CC1=O", "1"), rows.get(0));
    assertEquals(List.of("CN1CCC[CH]1C2=CC=CN=C2", "5065"), rows.get(4998));
    List<List<Object>> expected = new ArrayList<>();
    for (String line : Files.readAllLines(NCI_5K)) {
      expected.add(List.of(line.split("\t")));
    }
    assertEquals(expected, rows);
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(out))) {
      assertEquals(LibraryWriter.SCHEMA, reader.getFooter().getFileMetaData().getSchema());
    }
  }

  @Test
  void csvWithHeaderQuotesBlankLinesAndAMissingSmiles() throws IOException {
    Path csv =
        Files.writeString(
            dir.resolve("small.csv"),
            "\uFEFF# made by hand\n"
                + "Name,ID,Smiles,mw\n"
                + "ethanol,e1,CCO,46.07\n"
                + "\"acetic acid, glacial\",a2,CC(=O)O,60.05\n"
                + "\n"
                + "water,,O,18.02\r\n"
                + "missing,m4,,0\n"
                + "\"quoted \"\"name\"\"\",q5,\"C1CC1\",42.08\n");
    Path out = dir.resolve("small.parquet");

    Run run = convert("--input", csv.toString(), "--output", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        "convert: wrote 4 rows to " + out + "; skipped 1 line without SMILES (line 7)\n",
        run.out());
    assertEquals(
        List.of(
            Arrays.asList("CCO", "e1"),
            Arrays.asList("CC(=O)O", "a2"),
            Arrays.asList("O", null),
            Arrays.asList("C1CC1", "q5")),
        molecules(out));
  }

  @Test
  void tsvWithANamedSmilesColumnMatchedIgnoringCase() throws IOException {
    Path tsv =
        Files.writeString(dir.resolve("lib.tsv"), "id\tSTRUCTURE\n7\tc1ccncc1\n8\t\n9\tC#N\n");
    Path out = dir.resolve("lib.parquet");

    Run run =
        convert(
            "--input", tsv.toString(), "--output", out.toString(), "--smiles-column", "structure");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().endsWith("skipped 1 line without SMILES (line 3)\n"), run.out());
    assertEquals(List.of(List.of("c1ccncc1", "7"), List.of("C#N", "9")), molecules(out));
  }

  @Test
  void gzippedSmiWithSpacesTabsMissingIdsAndAHeaderReadsBackThroughBatchReader()
      throws IOException {
    Path smi = dir.resolve("mols.smi.gz");
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(smi))) {
      gz.write(
          ("SMILES Name\n"
                  + "CCO   ethanol absolute\n"
                  + "c1ccccc1\tbenzene\n"
                  + "\tno-smiles\n"
                  + "  CCN  \n"
                  + "# a comment\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    Path out = dir.resolve("mols.parquet");

    Run run = convert("--input", smi.toString(), "--output", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        "convert: wrote 3 rows to " + out + "; skipped 1 line without SMILES (line 4)\n",
        run.out());
    assertEquals(
        List.of(
            Arrays.asList("CCO", "ethanol absolute"),
            Arrays.asList("c1ccccc1", "benzene"),
            Arrays.asList("CCN", null)),
        molecules(out));
    try (BatchReader reader = BatchReader.open(out, "smiles", IdColumn.byDefault(), 10)) {
      RowBatch batch = reader.next();
      assertEquals(
          List.of("ethanol absolute", "benzene", "2"),
          batch.rows().stream().map(InputRow::id).toList(),
          "a null id reads as the row number");
    }
  }

  @Test
  void overwriteIsNeededToReplaceAnExistingOutput() throws IOException {
    Path smi = Files.writeString(dir.resolve("a.smi"), "CCO 1\n");
    Path out = Files.writeString(dir.resolve("a.parquet"), "keep me");

    Run refused = convert("--input", smi.toString(), "--output", out.toString());
    assertEquals(1, refused.exitCode());
    assertEquals(
        "error: output file already exists: " + out + " (use --overwrite)\n", refused.err());
    assertEquals("keep me", Files.readString(out));

    Run replaced = convert("--input", smi.toString(), "--output", out.toString(), "--overwrite");
    assertEquals(0, replaced.exitCode(), replaced.err());
    assertEquals(List.of(List.of("CCO", "1")), molecules(out));
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("missing.smi", null, List.of(), 1, "input file not found: "),
        Arguments.of(
            "nosmiles.csv",
            "a,b\n1,2\n",
            List.of(),
            1,
            "nosmiles.csv: no SMILES column 'smiles' in the header (columns: a, b)"),
        Arguments.of(
            "quote.csv",
            "smiles,id\nCCO,1\n\"CCN,2\n",
            List.of(),
            1,
            "quote.csv:3: unterminated quote"),
        Arguments.of(
            "latin1.smi", "CCO caf\u00e9\n", List.of(), 1, "latin1.smi:1: cannot read: not UTF-8"),
        Arguments.of("mols.txt", "CCO\n", List.of(), 2, "cannot tell the format of"),
        Arguments.of(
            "mols.smi",
            "CCO\n",
            List.of("--smiles-column", "x"),
            2,
            "--smiles-column applies to CSV and TSV input"),
        Arguments.of(
            "mols.smi", "CCO\n", List.of("--format", "sdf"), 2, "expected one of auto, smi"));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("failures")
  void badInputFailsWithOneLineAndWritesNothing(
      String name, String content, List<String> extra, int exitCode, String message)
      throws IOException {
    Path input = dir.resolve(name);
    if (content != null) {
      // latin1.smi is written in ISO-8859-1 to make invalid UTF-8; the others are ASCII
      Files.write(input, content.getBytes(StandardCharsets.ISO_8859_1));
    }
    Path out = dir.resolve("out.parquet");
    List<String> args =
        new ArrayList<>(List.of("--input", input.toString(), "--output", out.toString()));
    args.addAll(extra);

    Run run = convert(args.toArray(String[]::new));

    assertEquals(exitCode, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("error: "), run.err());
    assertTrue(run.err().contains(message), run.err());
    assertFalse(Files.exists(out), "no output file");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(content == null ? 0 : 1, files.count(), "no temporary file left either");
    }
  }

  @Test
  void helpShowsEveryOptionWithItsDefault() {
    Run run = convert("--help");

    assertEquals(0, run.exitCode());
    String help = run.out().replaceAll("\\s+", " "); // undo line wrapping
    for (String expected :
        List.of(
            "--input=FILE",
            "--output=FILE",
            "--overwrite",
            "--smiles-column=NAME",
            "(default: smiles)",
            "--format=FORMAT",
            "auto, smi, csv, tsv",
            "(default: auto)",
            "--verbose")) {
      assertTrue(help.contains(expected), expected + " in:\n" + run.out());
    }
    assertTrue(help.contains("--overwrite Replace the output file if it exists (default: false)"));
    assertTrue(help.contains("--verbose Print the stack trace of an error (default: false)"));
  }

  @Test
  void duckDbSeesStringColumns() throws IOException {
    Path smi = Files.writeString(dir.resolve("a.smi"), "CCO 1\nCCN\n");
    Path out = dir.resolve("a.parquet");
    assertEquals(0, convert("--input", smi.toString(), "--output", out.toString()).exitCode());
    assertEquals(
        List.of(List.of("smiles", "VARCHAR", "YES"), List.of("id", "VARCHAR", "YES")),
        DuckDb.query(
            "SELECT column_name, column_type, \"null\" FROM (DESCRIBE SELECT * FROM "
                + parquet(out)
                + ")"));
  }
}
