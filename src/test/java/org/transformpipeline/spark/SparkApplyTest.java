package org.transformpipeline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.transformpipeline.cli.CliRuns;
import org.transformpipeline.cli.Libraries;
import org.transformpipeline.parquet.ProductWriter;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;

/**
 * The Spark job against {@code apply --dedup exact} on NCI 5K (with a few bad rows spread through
 * it) and the five reference transforms, in local mode with 2 threads and 3 attempts per task: the
 * same products, parents, columns and order whatever the partitioning, the same rejects and counts,
 * a task failure retried to the same output, an existing output refused, a failed job without
 * {@code _SUCCESS}. One Spark session and one apply run serve the class.
 */
class SparkApplyTest {

  private static final String ONLY =
      "phenol_o_methylation,phenol_o_sulfation,phenol_o_glucuronidation,phenol_o_acetylation,"
          + "amine_n_acetylation";

  @TempDir static Path dir;

  private static SparkSession spark;
  private static final List<String> FAILED_TASKS = new CopyOnWriteArrayList<>();
  private static Path library;
  private static Path applyOut;
  private static RunSummary applySummary;

  @BeforeAll
  static void setUp() throws Exception {
    spark =
        SparkSession.builder()
            .master("local[2,3]")
            .appName("SparkApplyTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) {
                  FAILED_TASKS.add(end.reason().toString());
                }
              }
            });
    library = Libraries.smiToParquet(withBadRows(), 6000, dir.resolve("library.parquet"));
    applyOut = dir.resolve("apply.parquet");
    CliRuns.Run run =
        CliRuns.apply(
            "--input",
            library.toString(),
            "--output",
            applyOut.toString(),
            "--only",
            ONLY,
            "--dedup",
            "exact",
            "--batch-size",
            "500",
            "--quiet");
    assertEquals(0, run.exit(), run.err());
    applySummary = SummaryReport.readJson(SummaryReport.jsonPathFor(applyOut));
    assertTrue(applySummary.rows().rejected() >= 4, "the bad rows are rejected by apply");
  }

  @AfterAll
  static void tearDown() {
    if (spark != null) {
      spark.stop();
    }
  }

  /** NCI 5K with rows the parser or the input check rejects, at the start, middle and end. */
  private static Path withBadRows() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(Libraries.NCI_5K));
    lines.add(0, "C1CC(\t900001");
    lines.add(2500, "\t900002");
    lines.add(2501, "c1cccc1X\t900003");
    lines.add("C(C)(C)(C)(C)C\t900004");
    Path smi = dir.resolve("with-bad-rows.smi");
    Files.write(smi, lines);
    return smi;
  }

  private static int spark(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = SparkApply.execute(spark, new PrintWriter(out), new PrintWriter(err), args);
    lastErr = err.toString();
    return exit;
  }

  private static String lastErr = "";

  private static int sparkOn(Path input, Path output, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--only",
                ONLY,
                "--batch-size",
                "300"));
    args.addAll(List.of(more));
    return spark(args.toArray(new String[0]));
  }

  /** Every row of the files, in file order then row order, all columns joined. */
  private static List<String> rows(List<Path> files) throws SQLException {
    List<String> rows = new ArrayList<>();
    for (Path f : files) {
      rows.addAll(Libraries.query("SELECT * FROM read_parquet('" + f + "')"));
    }
    return rows;
  }

  private static List<Path> parts(Path datasetDir) throws IOException {
    try (Stream<Path> files = Files.list(datasetDir)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("part-"))
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .sorted()
          .toList();
    }
  }

  /** The file's Parquet columns: names, order, physical and logical types, repetition. */
  private static List<Type> columns(Path file) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      return reader.getFooter().getFileMetaData().getSchema().getFields();
    }
  }

  private static void assertSameAsApply(Path out) throws Exception {
    assertSameAsApply(out, applyOut, applySummary);
  }

  private static void assertSameAsApply(Path out, Path applyOut, RunSummary applySummary)
      throws Exception {
    assertTrue(Files.exists(out.resolve(SparkRun.SUCCESS)), "no _SUCCESS in " + out);
    List<Path> parts = parts(out);
    assertFalse(parts.isEmpty());
    List<String> expected = rows(List.of(applyOut));
    assertTrue(expected.size() > 500, "apply wrote " + expected.size() + " products");
    assertSameColumns(columns(applyOut), columns(parts.get(0)));
    assertEquals(expected, rows(parts));
    Path applyRejects = applyOut.resolveSibling(applyOut.getFileName() + ".rejects.parquet");
    List<String> rejects = rows(List.of(applyRejects));
    assertFalse(rejects.isEmpty(), "apply rejected " + rejects);
    assertEquals(rejects, rows(parts(out.resolve(SparkRun.REJECTS))));
    assertSameCounts(SummaryReport.readJson(out.resolve(SparkRun.SUMMARY)), applySummary);
  }

  /**
   * Apply's 11 product columns exactly (names, order, types, REQUIRED); the pass-through columns
   * with the same names, order, physical types and repetition, and the same logical type but for
   * the one that Spark's writer drops as implied: a signed 32- or 64-bit INTEGER annotation on
   * INT32 or INT64.
   */
  private static void assertSameColumns(List<Type> expected, List<Type> actual) {
    int products = ProductWriter.PRODUCT_COLUMNS.size();
    assertEquals(expected.subList(0, products), actual.subList(0, products));
    assertEquals(expected.size(), actual.size(), actual.toString());
    for (int i = products; i < expected.size(); i++) {
      PrimitiveType e = expected.get(i).asPrimitiveType();
      PrimitiveType a = actual.get(i).asPrimitiveType();
      assertEquals(e.getName(), a.getName());
      assertEquals(e.getPrimitiveTypeName(), a.getPrimitiveTypeName(), e.getName());
      assertEquals(e.getRepetition(), a.getRepetition(), e.getName());
      LogicalTypeAnnotation logical = e.getLogicalTypeAnnotation();
      boolean implied =
          logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation ints
              && ints.isSigned()
              && ints.getBitWidth()
                  == (e.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT32 ? 32 : 64);
      assertEquals(implied ? null : logical, a.getLogicalTypeAnnotation(), e.getName());
    }
  }

  /** The counts that do not depend on batching equal apply's; the others add up the same. */
  private static void assertSameCounts(RunSummary s, RunSummary applySummary) {
    assertEquals(List.of(), s.identityViolations());
    assertEquals(applySummary.rows(), s.rows());
    assertEquals(applySummary.transforms(), s.transforms());
    assertSameProducts(applySummary.products(), s.products());
    assertEquals(applySummary.rejectedExamples(), s.rejectedExamples());
    assertEquals(applySummary.generations().size(), s.generations().size());
    for (int g = 0; g < s.generations().size(); g++) {
      assertEquals(applySummary.generations().get(g).parents(), s.generations().get(g).parents());
      assertSameProducts(
          applySummary.generations().get(g).products(), s.generations().get(g).products());
    }
  }

  private static void assertSameProducts(RunSummary.ProductCounts a, RunSummary.ProductCounts p) {
    assertEquals(a.generated(), p.generated());
    assertEquals(a.rejected(), p.rejected());
    assertEquals(a.rejectedByCategory(), p.rejectedByCategory());
    assertEquals(a.capped(), p.capped());
    assertEquals(a.written(), p.written());
    assertEquals(
        a.inBatchDuplicates() + a.crossBatchDuplicates(),
        p.inBatchDuplicates() + p.crossBatchDuplicates());
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 3, 8})
  void sameRowsAsApplyWhateverThePartitioning(int partitions) throws Exception {
    Path out = dir.resolve("spark-" + partitions);
    assertEquals(0, sparkOn(library, out, "--partitions", Integer.toString(partitions)), lastErr);
    assertSameAsApply(out);
  }

  @Test
  void aDatasetDirectoryReadsItsFilesInPathOrder() throws Exception {
    Path input = Files.createDirectories(dir.resolve("dataset"));
    String all = "read_parquet('" + library + "')";
    // b before c in path order; rows 0-1999 in b, the rest in c (DuckDB keeps the row order)
    duckdb("COPY (SELECT * FROM " + all + " LIMIT 2000) TO '" + input.resolve("b.parquet") + "'");
    duckdb("COPY (SELECT * FROM " + all + " OFFSET 2000) TO '" + input.resolve("c.parquet") + "'");
    Path out = dir.resolve("spark-dataset");
    assertEquals(0, sparkOn(input, out, "--partitions", "3"), lastErr);
    assertSameAsApply(out);
  }

  @Test
  void aTaskThatFailsOnceIsRetriedToTheSameOutput() throws Exception {
    Path out = dir.resolve("spark-retried");
    assertEquals(0, sparkOn(library, out, "--partitions", "3", "--inject-failure", "1:1"), lastErr);
    assertSameAsApply(out);
    // the listener hears of task ends asynchronously: wait for the failure to be reported
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (injected("partition 1, attempt 0") == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(1, injected("partition 1, attempt 0"), FAILED_TASKS.toString());
    assertEquals(0, injected("partition 1, attempt 1"), FAILED_TASKS.toString());
  }

  private static long injected(String what) {
    return FAILED_TASKS.stream().filter(r -> r.contains("injected failure: " + what)).count();
  }

  /** Runs a DuckDB statement that returns nothing. */
  private static void duckdb(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  void aFailedJobLeavesNoSuccessMarker() {
    Path out = dir.resolve("spark-failed");
    assertEquals(1, sparkOn(library, out, "--partitions", "2", "--inject-failure", "0:99"));
    assertTrue(lastErr.contains("injected failure"), lastErr);
    assertFalse(Files.exists(out.resolve(SparkRun.SUCCESS)));
  }

  @Test
  void anExistingOutputIsRefusedUnlessOverwrite() throws Exception {
    Path out = Files.createDirectories(dir.resolve("spark-existing"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    assertEquals(2, sparkOn(library, out, "--partitions", "2"));
    assertTrue(lastErr.startsWith("error: output exists: " + out), lastErr);
    assertEquals(1, lastErr.strip().lines().count(), lastErr);
    assertTrue(Files.exists(out.resolve("keep.txt")));
    assertEquals(0, sparkOn(library, out, "--partitions", "2", "--overwrite"), lastErr);
    assertFalse(Files.exists(out.resolve("keep.txt")));
    assertSameAsApply(out);
  }

  @Test
  void twoGenerationsGiveApplysRowsLineageIncluded() throws Exception {
    Path small = Libraries.smiToParquet(withBadRows(), 1200, dir.resolve("small.parquet"));
    Path apply2 = dir.resolve("apply-2.parquet");
    CliRuns.Run run =
        CliRuns.apply(
            "--input",
            small.toString(),
            "--output",
            apply2.toString(),
            "--only",
            ONLY,
            "--dedup",
            "exact",
            "--generations",
            "2",
            "--batch-size",
            "200",
            "--quiet");
    assertEquals(0, run.exit(), run.err());
    RunSummary summary = SummaryReport.readJson(SummaryReport.jsonPathFor(apply2));
    assertTrue(summary.generations().get(1).products().written() > 100, summary.toString());
    Path out = dir.resolve("spark-2");
    assertEquals(0, sparkOn(small, out, "--partitions", "3", "--generations", "2"), lastErr);
    assertSameAsApply(out, apply2, summary);
  }

  @Test
  void aMissingInputIsAFailureOfOneLineAndKeepsTheOldOutput() throws Exception {
    Path out = Files.createDirectories(dir.resolve("spark-missing-input"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    assertEquals(1, sparkOn(dir.resolve("no-such.parquet"), out, "--overwrite"), lastErr);
    assertTrue(lastErr.startsWith("error: cannot read the input "), lastErr);
    assertEquals(1, lastErr.strip().lines().count(), lastErr);
    assertTrue(Files.exists(out.resolve("keep.txt")));
  }

  @Test
  void generationOptionsSparkDoesNotHaveAreUsageErrors() {
    assertEquals(2, sparkOn(library, dir.resolve("spark-excluding"), "--exclude-inputs"), lastErr);
    assertTrue(lastErr.contains("not supported by the Spark job"), lastErr);
    assertFalse(Files.exists(dir.resolve("spark-excluding")));
  }
}
