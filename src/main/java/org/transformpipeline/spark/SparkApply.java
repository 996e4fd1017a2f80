package org.transformpipeline.spark;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.transformpipeline.chem.TransformDefinition;
import org.transformpipeline.cli.EnumerationOptions;
import org.transformpipeline.cli.FragmentsOption;
import org.transformpipeline.cli.GenerationOptions;
import org.transformpipeline.cli.TransformLibraryOptions;
import org.transformpipeline.cli.UserException;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;
import org.transformpipeline.run.Generations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The Spark job's command line ({@code spark-submit --class org.transformpipeline.spark.SparkApply
 * transform-spark.jar ...}, or {@code scripts/spark-apply.sh} in local mode): {@code apply}'s
 * chemistry options through apply's own option classes (transforms, {@code --dialect}, {@code
 * --only}, the guards, {@code --fragments}, {@code --min-score}), plus what a cluster job needs
 * ({@code --partitions}, {@code --master}) and a directory output; runs one {@link SparkRun}.
 *
 * <p>{@code --generations K} and {@code --scenario} run as in apply (generation g transforms the
 * new unique products of generation g-1, one dedup for the run); {@code --exclude-inputs} and
 * {@code --max-products-per-root} are usage errors (exit 2) rather than silently ignored. Exit 0
 * when the output is complete ({@code _SUCCESS}), 1 when the job failed (no {@code _SUCCESS}), 2
 * for usage errors and an existing output.
 */
@Command(
    name = "SparkApply",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Apply the transforms to every molecule of a Parquet library (a file or a dataset"
          + " directory) on Apache Spark, and write the unique products as a Parquet dataset"
          + " directory: the rows of 'apply --dedup exact', in the same order.",
      "Also written: <output>/_rejects (Parquet), <output>/_summary.json, and <output>/_SUCCESS"
          + " last."
    })
public final class SparkApply implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "PATH",
      description = "Input library: a Parquet file or a directory of them (any Hadoop URI).")
  String input;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "Output directory (Parquet part files, _rejects, _summary.json, _SUCCESS).")
  String output;

  @Option(
      names = "--overwrite",
      description = "Replace an existing output directory. Default: refuse it.")
  boolean overwrite;

  @Option(
      names = "--smiles-column",
      paramLabel = "NAME",
      defaultValue = "smiles",
      description = "Input column holding the SMILES. Default: ${DEFAULT-VALUE}.")
  String smilesColumn;

  @Option(
      names = "--id-column",
      paramLabel = "NAME",
      description =
          "Input column holding the parent ids. Default: 'id' if the input has it,"
              + " else the 0-based row number.")
  String idColumn;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = "8",
      description =
          "Partitions of the chemistry and of the shuffles (2-4 x the cluster's cores)."
              + " Default: ${DEFAULT-VALUE}.")
  int partitions;

  @Option(
      names = "--batch-size",
      paramLabel = "ROWS",
      defaultValue = "10000",
      description = "Rows per batch within a partition. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master, e.g. local[4] or local[4,3] (3 attempts per task). Default: the one"
              + " spark-submit gives.")
  String master;

  @Option(names = "--inject-failure", hidden = true, paramLabel = "PARTITION:ATTEMPTS")
  String injectFailure;

  @Mixin TransformLibraryOptions libraryOptions;

  @Mixin EnumerationOptions enumeration;

  @Mixin FragmentsOption fragmentsOption;

  @Mixin GenerationOptions generationOptions;

  private final SparkSession session;

  /** The job on the session {@code spark-submit} (or {@code --master}) makes. */
  public SparkApply() {
    this(null);
  }

  /** The job on a session the caller owns (tests): not stopped at the end. */
  SparkApply(SparkSession session) {
    this.session = session;
  }

  public static void main(String[] args) {
    System.exit(
        execute(null, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the command line on {@code session} (null: make one, and stop it at the end).
   *
   * @return the exit code
   */
  static int execute(SparkSession session, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new SparkApply(session));
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          err.println(
              "error: "
                  + String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ")
                  + " (see 'SparkApply --help')");
          err.flush();
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (e, c, parsed) -> {
          if (e instanceof UserException u) {
            err.println("error: " + u.getMessage());
            err.flush();
            return u.exitCode();
          }
          err.println("error: the Spark job failed: " + SparkRun.firstLine(rootMessage(e)));
          err.flush();
          return 1;
        });
    return cli.execute(args);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : t + " (" + e.getClass().getSimpleName() + ")";
  }

  @Override
  public Integer call() throws Exception {
    if (partitions < 1) {
      throw UserException.usage("--partitions must be >= 1, got " + partitions);
    }
    if (batchSize < 1) {
      throw UserException.usage("--batch-size must be >= 1, got " + batchSize);
    }
    FailureInjection failure;
    try {
      failure = injectFailure == null ? null : FailureInjection.parse(injectFailure);
    } catch (IllegalArgumentException e) {
      throw UserException.usage("--inject-failure: " + e.getMessage());
    }
    List<TransformDefinition> transforms = libraryOptions.library().transforms();
    Generations generations = generationOptions.generations(transforms);
    if (generations.excludeInputs() || generations.maxProductsPerRoot() > 0) {
      throw UserException.usage(
          "--exclude-inputs and --max-products-per-root are not supported by the Spark job");
    }
    SparkRun.Job job =
        new SparkRun.Job(
            input,
            output,
            smilesColumn,
            idColumn,
            transforms,
            generations.scenario(),
            enumeration.limits(),
            fragmentsOption.chemistry(libraryOptions).fragments(),
            generations.minScore(),
            batchSize,
            partitions,
            overwrite,
            failure);
    SparkSession spark = session != null ? session : newSession();
    try {
      RunSummary summary = new SparkRun(spark, job).run();
      PrintWriter out = spec.commandLine().getOut();
      out.print(SummaryReport.text(summary));
      out.println("Products written to " + output);
      out.flush();
      List<String> violations = summary.identityViolations();
      if (!violations.isEmpty()) {
        throw UserException.failure(
            "internal error: the counts do not add up: " + violations, null);
      }
      return 0;
    } finally {
      if (session == null) {
        spark.stop();
      }
    }
  }

  private SparkSession newSession() {
    SparkSession.Builder builder = SparkSession.builder().appName("transform-pipeline apply");
    if (master != null) {
      builder.master(master);
    }
    return builder.getOrCreate();
  }
}
