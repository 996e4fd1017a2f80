package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transformpipeline.testing.DuckDb.parquet;
import static org.transformpipeline.testing.DuckDb.query;
import static org.transformpipeline.testing.DuckDb.scalar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.chem.CanonicalSmiles;
import org.transformpipeline.testing.DuckDb;

/** {@code convert} from Parquet back to text: every column, nulls, apply outputs, round trips. */
class ConvertFromParquetTest {

  private static final Path POLYPHENOLS = Path.of("test-data/polyphenols_first_2k.smi");

  @TempDir Path dir;

  private static CliRuns.Run convert(Path input, Path output, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("convert", "--input", input.toString(), "--output", output.toString()));
    args.addAll(List.of(more));
    CliRuns.Run run = CliRuns.run(args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    return run;
  }

  /** Rows of a DuckDB relation that the other lacks, both ways; empty when the two are equal. */
  private static List<List<Object>> difference(String a, String b) {
    return query(
        "(SELECT * FROM "
            + a
            + " EXCEPT ALL SELECT * FROM "
            + b
            + ") UNION ALL"
            + " (SELECT * FROM "
            + b
            + " EXCEPT ALL SELECT * FROM "
            + a
            + ")");
  }

  private static List<String> gunzippedLines(Path file) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    }
  }

  /** A library with awkward cells: quotes, delimiters, line breaks, empty strings and nulls. */
  private Path awkwardLibrary() throws IOException {
    Path csv =
        Files.writeString(
            dir.resolve("awkward.csv"),
            "smiles,id,note,tab\n"
                + "CCO,1,\"comma, and \"\"quotes\"\"\",\"a\tb\"\n"
                + "CCN,2,\"\",\n"
                + "CCC,,\"line\nbreak\",x\n"
                + "C#N,4,# not a comment,\n");
    Path library = dir.resolve("awkward.parquet");
    convert(csv, library);
    return library;
  }

  @Test
  void parquetToCsvAndTsvGzAndBackGivesTheSameTable() throws IOException {
    Path library = awkwardLibrary();
    assertEquals(4L, scalar("SELECT count(*) FROM " + parquet(library)));
    assertEquals(1L, scalar("SELECT count(*) FROM " + parquet(library) + " WHERE note = ''"));
    assertEquals(2L, scalar("SELECT count(*) FROM " + parquet(library) + " WHERE tab IS NULL"));

    for (String text : List.of("back.csv", "back.tsv.gz")) {
      Path middle = dir.resolve(text);
      Path again = dir.resolve(text + ".parquet");
      convert(library, middle);
      convert(middle, again);
      assertEquals(List.of(), difference(parquet(library), parquet(again)), text);
    }
    assertEquals(
        "smiles\tid\tnote\ttab",
        gunzippedLines(dir.resolve("back.tsv.gz")).get(0),
        "a gzipped TSV with its header");
  }

  @Test
  void typedColumnsAreWrittenAsTextThatReadsBackToTheSameValues() throws Exception {
    Path typed = Libraries.smiToParquet(Libraries.NCI_5K, 300, dir.resolve("typed.parquet"));
    Path csv = dir.resolve("typed.csv");

    CliRuns.Run run = convert(typed, csv);

    assertEquals(
        "convert: read 300 records, wrote 300 rows to " + csv + "; none skipped\n", run.out());
    String read =
        "read_csv('"
            + csv
            + "', header = true, columns = {'smiles': 'VARCHAR', 'id': 'VARCHAR',"
            + " 'heavy': 'INTEGER', 'activity': 'DOUBLE', 'even': 'BOOLEAN', 'big': 'BIGINT',"
            + " 'note': 'VARCHAR'})";
    assertEquals(List.of(), difference(parquet(typed), read));
  }

  @Test
  void anApplyOutputBecomesSmilesWithParentIdsAndAnSdfWithItsColumnsAsProperties()
      throws IOException {
    Path library = dir.resolve("phenols.parquet");
    convert(
        Files.writeString(
            dir.resolve("phenols.smi"),
            "Oc1ccccc1 phenol\nOc1ccc(O)cc1 hydroquinone\nOC[C@@H]1OC(O)[C@H](O)[C@@H]1O sugar\n"),
        library);
    Path products = dir.resolve("products.parquet");
    CliRuns.Run apply =
        CliRuns.run(
            "apply", "--input", library.toString(), "--output", products.toString(), "--quiet");
    assertEquals(0, apply.exit(), apply.err());
    long productCount = (Long) scalar("SELECT count(*) FROM " + parquet(products));
    assertTrue(productCount > 3, "products: " + productCount);

    Path smi = dir.resolve("products.smi.gz");
    convert(products, smi);
    List<String> expected = new ArrayList<>();
    for (List<Object> row :
        query(
            "SELECT product_smiles, parent_id FROM read_parquet('"
                + products
                + "', file_row_number = true) ORDER BY file_row_number")) {
      expected.add(row.get(0) + "\t" + row.get(1));
    }
    assertEquals(expected, gunzippedLines(smi));

    Path sdf = dir.resolve("products.sdf");
    convert(products, sdf);
    Path back = dir.resolve("products-back.parquet");
    convert(sdf, back);
    assertEquals(
        List.of(
            "smiles",
            "id",
            "parent_smiles",
            "transform",
            "site",
            "fragment",
            "product_id",
            "generation",
            "root_id",
            "pathway",
            "score"),
        List.copyOf(DuckDb.columnTypes(back).keySet()),
        "the title is the parent id, the other columns are SD properties");
    List<List<Object>> original =
        query(
            "SELECT product_smiles, parent_id, parent_smiles, transform, site::VARCHAR,"
                + " fragment::VARCHAR, product_id, generation::VARCHAR, root_id, pathway,"
                + " score::VARCHAR FROM "
                + parquet(products));
    List<List<Object>> roundTrip = query("SELECT * FROM " + parquet(back));
    assertEquals(original.size(), roundTrip.size());
    CanonicalSmiles canonical = new CanonicalSmiles();
    for (int i = 0; i < original.size(); i++) {
      List<Object> was = new ArrayList<>(original.get(i));
      List<Object> now = new ArrayList<>(roundTrip.get(i));
      assertEquals(was.remove(0), canonical.of((String) now.remove(0)), "product " + i);
      assertEquals(was, now);
    }
  }

  @Test
  void sdfRoundTripKeepsEveryStereocentreAndDoubleBond() {
    Path library = dir.resolve("polyphenols.parquet");
    Path sdf = dir.resolve("polyphenols.sdf.gz");
    Path back = dir.resolve("back.parquet");
    convert(POLYPHENOLS, library);
    convert(library, sdf);
    convert(sdf, back);

    List<List<Object>> was =
        query("SELECT smiles, id FROM read_parquet('" + library + "') LIMIT 300");
    List<List<Object>> now = query("SELECT smiles, id FROM read_parquet('" + back + "') LIMIT 300");
    CanonicalSmiles canonical = new CanonicalSmiles();
    int stereo = 0;
    for (int i = 0; i < was.size(); i++) {
      String smiles = (String) was.get(i).get(0);
      stereo += smiles.contains("@") || smiles.contains("/") ? 1 : 0;
      assertEquals(canonical.of(smiles), canonical.of((String) now.get(i).get(0)), smiles);
      assertEquals(was.get(i).get(1), now.get(i).get(1));
    }
    assertTrue(stereo > 100, "the sample has stereo: " + stereo);
  }

  @Test
  void rowsWithoutOrWithBadSmilesAreSkippedForSdfAndSmiButKeptInCsv() throws IOException {
    Path library = dir.resolve("bad.parquet");
    DuckDb.execute(
        "COPY (SELECT * FROM (VALUES ('CCO', 'a'), (NULL, 'b'), ('C1CC', 'c'), ('N', 'd'))"
            + " t(smiles, id)) TO '"
            + library
            + "' (FORMAT parquet)");

    CliRuns.Run sdf = convert(library, dir.resolve("bad.sdf"));
    CliRuns.Run smi = convert(library, dir.resolve("bad.smi"));
    convert(library, dir.resolve("bad.csv"));

    String[] report = sdf.out().split("\n");
    assertEquals(
        "convert: read 4 records, wrote 2 rows to " + dir.resolve("bad.sdf") + "; skipped 2",
        report[0]);
    assertEquals("  skipped, no SMILES: 1 (row 1)", report[1]);
    assertEquals("  skipped, unparsable SMILES: 1 (row 2)", report[2]);
    assertTrue(report[3].startsWith("  row 2: unparsable SMILES: "), report[3]);
    assertTrue(smi.out().contains("skipped, no SMILES: 1 (row 1)"), smi.out());
    assertEquals(List.of("CCO\ta", "C1CC\tc", "N\td"), Files.readAllLines(dir.resolve("bad.smi")));
    assertEquals(
        List.of("smiles,id", "CCO,a", ",b", "C1CC,c", "N,d"),
        Files.readAllLines(dir.resolve("bad.csv")));
  }

  @Test
  void aMissingSmilesColumnIsAnErrorAndNothingIsWritten() throws IOException {
    Path library = awkwardLibrary();
    Path out = dir.resolve("x.csv");

    CliRuns.Run run =
        CliRuns.run(
            "convert",
            "--input",
            library.toString(),
            "--output",
            out.toString(),
            "--smiles-column",
            "SMILES");

    assertEquals(1, run.exit());
    assertEquals(
        "error: "
            + library
            + ": no SMILES column 'SMILES' (columns: smiles, id, note, tab); use --smiles-column\n",
        run.err());
    assertFalse(Files.exists(out));
  }
}
