package org.transformpipeline.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.transformpipeline.chem.EnumerationLimits;
import org.transformpipeline.chem.FragmentMode;
import org.transformpipeline.chem.Rejection;
import org.transformpipeline.chem.Scenario;
import org.transformpipeline.chem.TransformDefinition;
import org.transformpipeline.cli.UserException;
import org.transformpipeline.parquet.ProductWriter;
import org.transformpipeline.pipeline.RowRejection;
import org.transformpipeline.pipeline.RunSummary;

/**
 * One Spark job: {@code apply}'s generations over a Parquet library (a file or a dataset directory)
 * on a Spark cluster, with the same output rows as {@code apply --dedup exact}.
 *
 * <p>The stages: refuse an existing output (unless {@code --overwrite}); read the input with
 * Spark's Parquet reader and number its rows globally in input order (files in path order, then
 * {@code _metadata.row_index}, the row's position in its file, which unlike {@code
 * monotonically_increasing_id} does not depend on how the files are split); range-partition the
 * rows into {@code --partitions} contiguous runs; run the chemistry in {@link ParentPartition};
 * keep, for each 128-bit product key, the candidate with the smallest input order (a window over
 * the key, which is Spark's shuffle), minus the keys earlier generations wrote; for each further
 * generation, number that generation's products in output order and run them through the same
 * stages; sort by (generation, input order) and write the products; write the rejects to {@code
 * <output>/_rejects} and the summary to {@code <output>/_summary.json}; and only then {@code
 * <output>/_SUCCESS} (Spark's own marker is turned off, so a job that fails at any stage, the
 * rejects or the summary included, leaves none).
 *
 * <p>Every product's parent is thus the first row in input order that makes it, as in {@code
 * apply}, whatever the partitioning: the partitioning only changes how products split between
 * in-batch and cross-batch duplicates in the summary.
 *
 * <p>Not thread-safe; run once.
 */
final class SparkRun {

  /** The rejects dataset, inside the output directory (Spark's readers skip {@code _} names). */
  static final String REJECTS = "_rejects";

  /** The summary JSON, inside the output directory. */
  static final String SUMMARY = "_summary.json";

  /** The marker of a complete output, written last. */
  static final String SUCCESS = "_SUCCESS";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The products columns of an apply output: such an input would continue its lineage. */
  private static final List<String> PRODUCTS_FILE_COLUMNS =
      List.of("product_smiles", "parent_id", "parent_smiles", "transform", "site");

  /**
   * What to run.
   *
   * @param input the library: a Parquet file or a directory of them, on any Hadoop file system
   * @param output the output directory
   * @param smilesColumn the SMILES column
   * @param idColumn the id column given with {@code --id-column}, or null for {@code id} if there
   * @param transforms the transforms, in library order
   * @param scenario the transforms of each generation (how many generations)
   * @param limits the per-parent guards
   * @param fragments what a cleavage product becomes
   * @param minScore products scoring below it are pruned
   * @param batchSize rows per batch within a partition
   * @param partitions partitions of the chemistry stage (and of the shuffles)
   * @param overwrite replace an existing output directory
   * @param failure a task to fail on purpose, or null
   */
  record Job(
      String input,
      String output,
      String smilesColumn,
      String idColumn,
      List<TransformDefinition> transforms,
      Scenario scenario,
      EnumerationLimits limits,
      FragmentMode fragments,
      double minScore,
      int batchSize,
      int partitions,
      boolean overwrite,
      FailureInjection failure) {

    Job {
      transforms = List.copyOf(transforms);
    }
  }

  private final SparkSession spark;
  private final Job job;

  SparkRun(SparkSession spark, Job job) {
    this.spark = spark;
    this.job = job;
  }

  /**
   * Runs the job.
   *
   * @return the summary, as written to {@code <output>/_summary.json}
   * @throws UserException exit 2 for an existing output or an unusable input schema, exit 1 when
   *     the input cannot be read or the job fails
   */
  RunSummary run() throws IOException {
    long start = System.nanoTime();
    Path out = new Path(job.output());
    FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
    boolean exists = fs.exists(out);
    if (exists && !job.overwrite()) {
      throw UserException.usage(
          "output exists: " + job.output() + " (give --overwrite to replace it)");
    }
    spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(job.partitions()));

    Dataset<Row> library = read();
    Columns columns = columns(library.schema());
    if (exists) {
      // only once the input is known to be usable: a bad input leaves the old output in place
      fs.delete(out, true);
    }
    Dataset<Row> parents = numbered(library, columns);
    List<Generation> generations = new ArrayList<>();
    List<JavaRDD<Outcome>> outcomesKept = new ArrayList<>();
    List<Dataset<Row>> kept = new ArrayList<>();
    try {
      Dataset<Row> earlierKeys = null;
      for (int g = 1; g <= job.scenario().generations(); g++) {
        long generationStart = System.nanoTime();
        JavaRDD<Outcome> outcomes =
            parents
                .javaRDD()
                .mapPartitions(
                    new ParentPartition(
                        EnumeratorRecipe.of(
                            job.scenario().stepOf(g).transforms(),
                            job.limits(),
                            job.fragments(),
                            job.minScore()),
                        job.batchSize(),
                        columns.passThrough().size(),
                        g > 1,
                        job.failure()))
                .persist(StorageLevel.MEMORY_AND_DISK());
        outcomesKept.add(outcomes);
        PartitionTally tally =
            outcomes.filter(o -> o.tally() != null).map(Outcome::tally).collect().stream()
                .reduce(PartitionTally.EMPTY, PartitionTally::plus);
        Dataset<Row> candidates =
            spark.createDataFrame(
                outcomes.filter(o -> o.product() != null).map(Outcome::product),
                SparkColumns.keyedProducts(columns.passThrough()));
        if (earlierKeys != null) {
          // one dedup for the run, as apply's: a product an earlier generation wrote is a duplicate
          candidates = candidates.join(earlierKeys, new String[] {"_hi", "_lo"}, "left_anti");
        }
        Dataset<Row> unique =
            candidates
                .withColumn(
                    "_rank",
                    functions
                        .row_number()
                        .over(Window.partitionBy("_hi", "_lo").orderBy("_row", "_seq")))
                .where(functions.col("_rank").equalTo(1))
                .drop("_rank")
                .withColumn("_gen", functions.lit(g))
                .persist(StorageLevel.MEMORY_AND_DISK());
        kept.add(unique);
        Map<String, long[]> written = writtenByTransform(unique);
        Dataset<Row> rejects =
            spark
                .createDataFrame(
                    outcomes.filter(o -> o.reject() != null).map(Outcome::reject),
                    SparkColumns.keyedRejects())
                .withColumn("_gen", functions.lit(g));
        generations.add(
            new Generation(
                g, tally, written, unique, rejects, (System.nanoTime() - generationStart) / 1e9));
        if (g < job.scenario().generations()) {
          Dataset<Row> keys = unique.select("_hi", "_lo");
          earlierKeys = earlierKeys == null ? keys : earlierKeys.union(keys);
          parents = nextParents(unique, columns);
        }
      }

      Dataset<Row> products = generations.get(0).unique();
      Dataset<Row> rejects = generations.get(0).rejects();
      for (Generation g : generations.subList(1, generations.size())) {
        products = products.union(g.unique());
        rejects = rejects.union(g.rejects());
      }
      products
          .orderBy("_gen", "_row", "_seq")
          .drop(SparkColumns.PRODUCT_KEYS.toArray(new String[0]))
          .drop("_gen")
          .write()
          .option("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
          .parquet(job.output());
      rejects
          .orderBy("_gen", "row_number", SparkColumns.REJECT_SEQ)
          .drop(SparkColumns.REJECT_SEQ, "_gen")
          .coalesce(1)
          .write()
          .option("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
          .parquet(new Path(out, REJECTS).toString());
      List<RowRejection> examples = rejectedExamples(rejects);

      RunSummary summary = summary(generations, examples, (System.nanoTime() - start) / 1e9);
      try (OutputStream json = fs.create(new Path(out, SUMMARY), false)) {
        JSON.writeValue(json, summary);
      }
      fs.create(new Path(out, SUCCESS), false).close();
      return summary;
    } finally {
      kept.forEach(Dataset::unpersist);
      outcomesKept.forEach(o -> o.unpersist(false));
    }
  }

  /**
   * What one generation did.
   *
   * @param generation from 1
   * @param tally its partitions' counts
   * @param written per transform: products written and fragments
   * @param unique its new unique products (keyed rows, with {@code _gen}), persisted
   * @param rejects its rejects (keyed rows, with {@code _gen})
   * @param seconds its wall time
   */
  private record Generation(
      int generation,
      PartitionTally tally,
      Map<String, long[]> written,
      Dataset<Row> unique,
      Dataset<Row> rejects,
      double seconds) {}

  /**
   * The parents of the next generation: a generation's new unique products in output order, each
   * numbered by its position there (as apply's {@code GenerationReader} numbers them), its id its
   * product id, its lineage its own and its pass-through cells its root's; in {@code --partitions}
   * contiguous runs of row numbers, each sorted.
   */
  private Dataset<Row> nextParents(Dataset<Row> unique, Columns columns) {
    List<Column> selected = new ArrayList<>();
    for (String name :
        List.of("product_smiles", "product_id", "generation", "root_id", "pathway", "score")) {
      selected.add(functions.col(name));
    }
    for (StructField f : columns.passThrough()) {
      selected.add(functions.col(f.name()));
    }
    JavaRDD<Row> numbered =
        unique
            .orderBy("_row", "_seq")
            .select(selected.toArray(new Column[0]))
            .javaRDD()
            .zipWithIndex()
            .map(
                pair -> {
                  Row r = pair._1();
                  Object[] values = new Object[r.length() + 1];
                  values[0] = r.get(0);
                  values[1] = r.get(1);
                  values[2] = pair._2();
                  for (int i = 2; i < r.length(); i++) {
                    values[i + 1] = r.get(i);
                  }
                  return org.apache.spark.sql.RowFactory.create(values);
                });
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("smiles", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("id", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("_row", DataTypes.LongType, false));
    fields.add(DataTypes.createStructField("generation", DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField("root_id", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("pathway", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("score", DataTypes.DoubleType, false));
    fields.addAll(columns.passThrough());
    return spark
        .createDataFrame(numbered, DataTypes.createStructType(fields))
        .repartitionByRange(job.partitions(), functions.col("_row"))
        .sortWithinPartitions("_row");
  }

  /** The library, with Spark's reader; a path that cannot be read is a failure (exit 1). */
  private Dataset<Row> read() {
    try {
      return spark.read().parquet(job.input());
    } catch (Exception e) { // AnalysisException (path not found, not Parquet) is a checked one
      throw UserException.failure(
          "cannot read the input " + job.input() + ": " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * The input's columns as the job uses them.
   *
   * @param smiles the SMILES column
   * @param id the id column, or null
   * @param passThrough every other column, in file order
   */
  private record Columns(String smiles, String id, List<StructField> passThrough) {}

  /** Picks the SMILES, id and pass-through columns; a column that cannot be used is exit 1. */
  private Columns columns(StructType schema) {
    List<String> names = List.of(schema.fieldNames());
    if (names.containsAll(PRODUCTS_FILE_COLUMNS)) {
      throw UserException.usage(
          job.input()
              + " is an apply output (it has the products columns); the Spark job reads"
              + " libraries only: continuing an earlier run's lineage is apply's");
    }
    String smiles = job.smilesColumn();
    if (!names.contains(smiles)) {
      throw UserException.failure(
          job.input()
              + ": SMILES column '"
              + smiles
              + "' not found; available columns: "
              + String.join(", ", names),
          null);
    }
    DataType smilesType = schema.apply(smiles).dataType();
    if (!(smilesType.equals(DataTypes.StringType) || smilesType instanceof BinaryType)) {
      throw UserException.failure(
          job.input()
              + ": SMILES column '"
              + smiles
              + "' must be a string column, found "
              + smilesType.simpleString(),
          null);
    }
    String id = job.idColumn();
    if (id != null && !names.contains(id)) {
      throw UserException.failure(
          job.input() + ": id column '" + id + "' not found; available columns: " + names, null);
    }
    if (id == null && names.contains("id") && !smiles.equals("id")) {
      id = "id";
    }
    if (id != null) {
      DataType idType = schema.apply(id).dataType();
      if (!(idType.equals(DataTypes.StringType)
          || idType instanceof BinaryType
          || idType.equals(DataTypes.IntegerType)
          || idType.equals(DataTypes.LongType))) {
        throw UserException.failure(
            job.input()
                + ": id column '"
                + id
                + "' must be a string or integer column, found "
                + idType.simpleString(),
            null);
      }
    }
    Map<String, String> taken = new TreeMap<>();
    ProductWriter.PRODUCT_COLUMNS.forEach(n -> taken.put(n, n));
    List<StructField> passThrough = new ArrayList<>();
    for (StructField field : schema.fields()) {
      String name = field.name();
      if (name.equals(smiles) || name.equals(id)) {
        continue;
      }
      DataType type = field.dataType();
      if (type instanceof StructType || type instanceof ArrayType || type instanceof MapType) {
        throw UserException.failure(
            job.input()
                + ": column '"
                + name
                + "' is nested or repeated ("
                + type.simpleString()
                + "); only flat columns are supported",
            null);
      }
      String clash = taken.get(name.toLowerCase(Locale.ROOT));
      if (clash != null) {
        throw UserException.failure(
            "input column '"
                + name
                + "' clashes with output column '"
                + clash
                + "', which every products file has; rename it in the input",
            null);
      }
      passThrough.add(field);
    }
    return new Columns(smiles, id, passThrough);
  }

  /**
   * The rows as {@link ParentPartition} takes them, {@code [smiles, id, row number,
   * pass-through...]}, in {@code --partitions} contiguous runs of row numbers, each sorted. The row
   * number is the row's position in the concatenation of the input files in path order: its
   * position in its file plus the rows of the files before (counted from the files' row groups).
   */
  private Dataset<Row> numbered(Dataset<Row> library, Columns columns) {
    Column file = functions.col("_metadata.file_path");
    Dataset<Row> located =
        library
            .withColumn("_file", file)
            .withColumn("_index", functions.col("_metadata.row_index"));
    List<Row> counts = located.groupBy("_file").count().orderBy("_file").collectAsList();
    List<Row> offsets = new ArrayList<>();
    long offset = 0;
    for (Row r : counts) {
      offsets.add(org.apache.spark.sql.RowFactory.create(r.getString(0), offset));
      offset += r.getLong(1);
    }
    Dataset<Row> fileOffsets =
        spark.createDataFrame(
            offsets,
            DataTypes.createStructType(
                List.of(
                    DataTypes.createStructField("_file", DataTypes.StringType, false),
                    DataTypes.createStructField("_offset", DataTypes.LongType, false))));
    List<Column> selected = new ArrayList<>();
    selected.add(functions.col(columns.smiles()));
    selected.add(
        columns.id() == null
            ? functions.lit(null).cast(DataTypes.StringType)
            : functions.col(columns.id()));
    selected.add(functions.col("_offset").plus(functions.col("_index")).as("_row"));
    for (StructField f : columns.passThrough()) {
      selected.add(functions.col(f.name()));
    }
    return located
        .join(functions.broadcast(fileOffsets), "_file")
        .select(selected.toArray(new Column[0]))
        .repartitionByRange(job.partitions(), functions.col("_row"))
        .sortWithinPartitions("_row");
  }

  /** Per transform: products written and, of those, fragments. */
  private static Map<String, long[]> writtenByTransform(Dataset<Row> unique) {
    Map<String, long[]> written = new TreeMap<>();
    for (Row r :
        unique
            .groupBy("transform")
            .agg(
                functions.count(functions.lit(1)),
                functions.sum(functions.when(functions.col("fragment").gt(0), 1).otherwise(0)))
            .collectAsList()) {
      written.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
    }
    return written;
  }

  /** The first rejected rows in input order, as apply's summary lists them. */
  private static List<RowRejection> rejectedExamples(Dataset<Row> rejects) {
    List<RowRejection> examples = new ArrayList<>();
    for (Row r :
        rejects
            .where(functions.col("transform").isNull())
            .orderBy("row_number", SparkColumns.REJECT_SEQ)
            .limit(20)
            .collectAsList()) {
      examples.add(
          new RowRejection(
              r.getLong(0),
              r.getString(1),
              r.getString(2),
              new Rejection(Rejection.Stage.valueOf(r.getString(3)), r.getString(4))));
    }
    return examples;
  }

  private RunSummary summary(
      List<Generation> generations, List<RowRejection> examples, double seconds) {
    List<RunSummary.GenerationCounts> counts = new ArrayList<>();
    Map<String, long[]> byTransform = new TreeMap<>();
    RunSummary.ProductCounts products = null;
    long workerNanos = 0;
    for (Generation g : generations) {
      PartitionTally t = g.tally();
      RunSummary.RowCounts parents = rows(t);
      RunSummary.ProductCounts p = products(t, g.written());
      products = products == null ? p : products.plus(p);
      workerNanos += t.workerNanos();
      for (Map.Entry<String, Long> e : t.generatedByTransform().entrySet()) {
        long[] sum = byTransform.computeIfAbsent(e.getKey(), n -> new long[2]);
        sum[0] += e.getValue();
        sum[1] += g.written().getOrDefault(e.getKey(), new long[2])[0];
      }
      counts.add(
          new RunSummary.GenerationCounts(
              g.generation(),
              job.scenario().stepOf(g.generation()).selector(),
              parents,
              p,
              g.seconds(),
              g.seconds() > 0 ? t.productsGenerated() / g.seconds() : 0,
              0,
              0,
              0));
    }
    RunSummary.RowCounts rows = rows(generations.get(0).tally());
    Map<String, RunSummary.TransformCounts> transforms = new LinkedHashMap<>();
    byTransform.forEach((n, c) -> transforms.put(n, new RunSummary.TransformCounts(c[0], c[1])));
    List<String> names = job.transforms().stream().map(TransformDefinition::name).toList();
    RunSummary.Settings settings =
        new RunSummary.Settings(
            job.partitions(),
            job.partitions(),
            job.batchSize(),
            "exact",
            0,
            0,
            job.limits().maxProductsPerParent(),
            names,
            job.limits().maxHeavyAtoms(),
            job.limits().timePerParent().toMillis(),
            0);
    RunSummary.Performance performance =
        new RunSummary.Performance(
            seconds,
            seconds > 0 ? rows.read() / seconds : 0,
            job.partitions(),
            0,
            0,
            workerNanos / 1e9,
            0,
            0,
            Runtime.getRuntime().maxMemory(),
            0,
            0);
    return new RunSummary(
        job.input(),
        job.output(),
        settings,
        rows,
        products,
        transforms,
        new RunSummary.DedupStats(
            "exact", "Spark shuffle on the 128-bit product key (no false drops)", 0, 0),
        performance,
        examples,
        List.of(),
        counts);
  }

  private static RunSummary.RowCounts rows(PartitionTally t) {
    return new RunSummary.RowCounts(
        t.rowsRead(),
        t.rowsRead() - t.rowsNotParsed(),
        t.rowsRejected(),
        new LinkedHashMap<>(t.rowRejectsByCategory()),
        t.rowsNoSite(),
        t.rowsWithProducts());
  }

  private static RunSummary.ProductCounts products(PartitionTally t, Map<String, long[]> written) {
    long writtenTotal = written.values().stream().mapToLong(c -> c[0]).sum();
    long fragments = written.values().stream().mapToLong(c -> c[1]).sum();
    return new RunSummary.ProductCounts(
        t.productsGenerated(),
        t.productsRejected(),
        new LinkedHashMap<>(t.productRejectsByCategory()),
        t.productsCapped(),
        t.inBatchDuplicates(),
        t.candidates() - writtenTotal,
        writtenTotal,
        fragments,
        t.belowMinScore(),
        0,
        0,
        0,
        Map.of());
  }

  static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
