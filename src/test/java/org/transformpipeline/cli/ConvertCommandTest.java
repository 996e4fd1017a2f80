package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transformpipeline.testing.DuckDb.parquet;
import static org.transformpipeline.testing.DuckDb.query;

import java.io.IOException;
import java.io.OutputStream;
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

  private static CliRuns.Run convert(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "convert";
    System.arraycopy(args, 0, full, 1, args.length);
    return CliRuns.run(full);
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

    CliRuns.Run run = convert("--input", NCI_5K.toString(), "--output", out.toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals(
        "convert: read 4999 records, wrote 4999 rows to " + out + "; none skipped\n", run.out());
    List<List<Object>> rows = molecules(out);
    assertEquals(4999, rows.size());
    assertEquals(List.of("CC1=CC(=O)C=CC1=O", "1"), rows.get(0));
    assertEquals(List.of("CN1CCC[CH]1C2=CC=CN=C2", "5065"), rows.get(4998));
    List<List<Object>> expected = new ArrayList<>();
    for (String line : Files.readAllLines(NCI_5K)) {
      expected.add(List.<Object>of((Object[]) line.split("\t")));
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

    CliRuns.Run run = convert("--input", csv.toString(), "--output", out.toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals(
        "convert: read 5 records, wrote 4 rows to "
            + out
            + "; skipped 1\n  skipped, no SMILES: 1 (line 7)\n",
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
  void csvColumnsBecomeStringColumnsThatApplyPassesThrough() throws IOException {
    Path csv =
        Files.writeString(
            dir.resolve("phenols.csv"),
            "vendor,SMILES,ID,price,SMILES,note,\n"
                + "acme,Oc1ccccc1,p1,1.50,x,\"a, \"\"quoted\"\" note\",\n"
                + "acme,Cc1ccc(O)cc1,p2,,y,\"\",last\n"
                + "bolt,c1ccccc1,p3,2,z,\"two\nlines\",\n");
    Path library = dir.resolve("phenols.parquet");

    CliRuns.Run run = convert("--input", csv.toString(), "--output", library.toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals(
        "convert: read 3 records, wrote 3 rows to "
            + library
            + "; none skipped\n"
            + "  note: column 'SMILES' -> 'SMILES_2' (blank or repeated name)\n"
            + "  note: column '' -> 'column_7' (blank or repeated name)\n",
        run.out());
    assertEquals(
        List.of("smiles", "id", "vendor", "price", "SMILES_2", "note", "column_7"),
        List.copyOf(DuckDb.columnTypes(library).keySet()));
    assertTrue(DuckDb.columnTypes(library).values().stream().allMatch("VARCHAR"::equals));
    assertEquals(
        List.of(
            Arrays.asList("Oc1ccccc1", "p1", "acme", "1.50", "x", "a, \"quoted\" note", null),
            Arrays.asList("Cc1ccc(O)cc1", "p2", "acme", null, "y", "", "last"),
            Arrays.asList("c1ccccc1", "p3", "bolt", "2", "z", "two\nlines", null)),
        query("SELECT * FROM " + parquet(library)));

    Path products = dir.resolve("products.parquet");
    CliRuns.Run apply =
        CliRuns.run(
            "apply",
            "--input",
            library.toString(),
            "--output",
            products.toString(),
            "--only",
            "phenol_o_methylation",
            "--quiet");
    assertEquals(0, apply.exit(), apply.err());
    assertEquals(
        List.of(
            List.of("p1", "acme", "1.50", "a, \"quoted\" note"), List.of("p2", "acme", "NULL", "")),
        query(
            "SELECT parent_id, vendor, coalesce(price, 'NULL'), note FROM "
                + parquet(products)
                + " ORDER BY parent_id"));
  }

  @Test
  void csvLinesWithTheWrongNumberOfFieldsAreSkippedWithTheirLines() throws IOException {
    Path csv =
        Files.writeString(
            dir.resolve("ragged.csv"),
            "smiles,id,mw\nCCO,1,46\nCCN,2\nCCC,3,44,extra\n\"C\nC\",4,30,x\nC#N,5,27\n");
    Path out = dir.resolve("ragged.parquet");

    CliRuns.Run run = convert("--input", csv.toString(), "--output", out.toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals(
        "convert: read 5 records, wrote 2 rows to "
            + out
            + "; skipped 3\n"
            + "  skipped, wrong number of fields: 3 (lines 3, 4, 5)\n"
            + "  line 3: wrong number of fields: 2 fields, the header has 3\n"
            + "  line 4: wrong number of fields: 4 fields, the header has 3\n"
            + "  line 5: wrong number of fields: 4 fields, the header has 3\n",
        run.out());
    assertEquals(List.of(List.of("CCO", "1"), List.of("C#N", "5")), molecules(out));
  }

  @Test
  void tsvWithANamedSmilesColumnMatchedIgnoringCase() throws IOException {
    Path tsv =
        Files.writeString(dir.resolve("lib.tsv"), "id\tSTRUCTURE\n7\tc1ccncc1\n8\t\n9\tC#N\n");
    Path out = dir.resolve("lib.parquet");

    CliRuns.Run run =
        convert(
            "--input", tsv.toString(), "--output", out.toString(), "--smiles-column", "structure");

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().endsWith("; skipped 1\n  skipped, no SMILES: 1 (line 3)\n"), run.out());
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

    CliRuns.Run run = convert("--input", smi.toString(), "--output", out.toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals(
        "convert: read 4 records, wrote 3 rows to "
            + out
            + "; skipped 1\n  skipped, no SMILES: 1 (line 4)\n",
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

    CliRuns.Run refused = convert("--input", smi.toString(), "--output", out.toString());
    assertEquals(1, refused.exit());
    assertEquals(
        "error: output file already exists: " + out + " (use --overwrite)\n", refused.err());
    assertEquals("keep me", Files.readString(out));

    CliRuns.Run replaced =
        convert("--input", smi.toString(), "--output", out.toString(), "--overwrite");
    assertEquals(0, replaced.exit(), replaced.err());
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
            "--smiles-column applies to CSV, TSV and Parquet input, not smi"),
        Arguments.of(
            "mols.smi",
            "CCO\n",
            List.of("--format", "xyz"),
            2,
            "expected one of auto, smi, csv, tsv, sdf, parquet but was 'xyz'"),
        Arguments.of("mols.smi", "CCO\n", List.of("--id-column", "x"), 2, "--id-column applies to"),
        Arguments.of(
            "ids.csv",
            "smiles,name\nCCO,e\n",
            List.of("--id-column", "ID"),
            1,
            "ids.csv: no id column 'ID' in the header (columns: smiles, name)"),
        Arguments.of(
            "wide.csv",
            "smiles,id\nCCO,1\n\"CCN,2\n" + "x\n".repeat(10),
            List.of(),
            1,
            "wide.csv:3: unterminated quote"),
        Arguments.of(
            "lib.parquet",
            "not parquet",
            List.of("--to", "parquet"),
            2,
            "input and output are both Parquet"));
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

    CliRuns.Run run = convert(args.toArray(String[]::new));

    assertEquals(exitCode, run.exit(), run.err());
    assertTrue(run.err().startsWith("error: "), run.err());
    assertTrue(run.err().contains(message), run.err());
    assertFalse(Files.exists(out), "no output file");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(content == null ? 0 : 1, files.count(), "no temporary file left either");
    }
  }

  @Test
  void gzippedParquetOutputAndIdenticalInputAndOutputAreUsageErrors() throws IOException {
    Path smi = Files.writeString(dir.resolve("a.smi"), "CCO\n");

    CliRuns.Run gz =
        convert("--input", smi.toString(), "--output", dir.resolve("a.parquet.gz").toString());
    CliRuns.Run same =
        convert("--input", smi.toString(), "--output", smi.toString(), "--to", "csv");

    assertEquals(2, gz.exit());
    assertEquals(
        "error: Parquet output is compressed inside and cannot be gzipped: "
            + dir.resolve("a.parquet.gz")
            + "\n",
        gz.err());
    assertEquals(2, same.exit());
    assertEquals("error: input and output are the same file: " + smi + "\n", same.err());
    assertEquals("CCO\n", Files.readString(smi));
  }

  @Test
  void helpShowsEveryOptionWithItsDefaultAndExamples() {
    CliRuns.Run run = convert("--help");

    assertEquals(0, run.exit());
    String help = run.flatOut();
    for (String expected :
        List.of(
            "--input=FILE",
            "--output=FILE",
            "--overwrite Replace the output file if it exists (default: false)",
            "--format=FORMAT Input format, one of: auto, smi, csv, tsv, sdf, parquet;",
            "--to=FORMAT Output format, one of: auto, smi, csv, tsv, sdf, parquet;",
            "(default: auto)",
            "--smiles-column=NAME",
            "(default: smiles, or product_smiles for an output of apply)",
            "--id-field, --id-column=NAME",
            "(default: the column id if there is one, parent_id for an output of apply, the title"
                + " line for SDF)",
            "--verbose Print the stack trace of an error (default: false)",
            "Examples: transform.jar convert --input library.smi --output library.parquet",
            "transform.jar convert --input products.parquet --output products.csv.gz",
            "Exit codes: 0 ok")) {
      assertTrue(help.contains(expected), expected + " in:\n" + run.out());
    }
  }

  @Test
  void duckDbSeesStringColumns() throws IOException {
    Path smi = Files.writeString(dir.resolve("a.smi"), "CCO 1\nCCN\n");
    Path out = dir.resolve("a.parquet");
    assertEquals(0, convert("--input", smi.toString(), "--output", out.toString()).exit());
    assertEquals(
        List.of(List.of("smiles", "VARCHAR", "YES"), List.of("id", "VARCHAR", "YES")),
        DuckDb.query(
            "SELECT column_name, column_type, \"null\" FROM (DESCRIBE SELECT * FROM "
                + parquet(out)
                + ")"));
  }
}
