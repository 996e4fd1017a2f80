package org.transformpipeline.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import org.transformpipeline.chem.TransformDefinition;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;
import org.transformpipeline.report.ReportModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code apply}: streams an input library through the transforms into a deduplicated products file
 * and a rejects file ({@code <output>.rejects.parquet}), then prints the run summary and writes it
 * to {@code <output>.summary.json} (see {@link ApplyRun}). Exit 0 when the outputs were committed,
 * 1 when the run failed (no output file appears) or, with {@code --fail-on-reject}, when something
 * was rejected (the outputs are written), 2 for usage errors.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    showDefaultValues = false,
    description = {
      "Apply the transforms to every molecule of a Parquet library and write the unique products,"
          + " with their parent's columns, to a Parquet file.",
      "Output columns: product_smiles, parent_id, parent_smiles, transform, site, then every"
          + " other input column unchanged."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  transform.jar apply --input lib.parquet --output products.parquet",
      "  transform.jar apply --input lib.parquet --output products.parquet \\",
      "      --overwrite --only phenol_o_methylation,phenol_o_sulfation \\",
      "      --workers 8 --batch-size 10000 --dedup exact --quiet",
      "",
      "  transform.jar apply --input lib.parquet --output products.parquet --resume",
      "",
      "Also written: <output>.rejects.parquet (every rejected row and product, possibly none)"
          + " and <output>.summary.json.",
      "Exit codes: 0 ok, 1 run failed (no output file written) or --fail-on-reject saw rejects"
          + " (outputs written), 2 usage error."
    })
public final class ApplyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** Test hooks (failing sink, throwing enumerator); none in a real run. */
  ApplyRun.Hooks hooks = ApplyRun.Hooks.NONE;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "Input library (Parquet) with a SMILES column.")
  Path input;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE",
      description =
          "Products file (Parquet) to create; written to a temp file and renamed at the end.")
  Path output;

  @Option(
      names = "--overwrite",
      description = "Replace --output (and its summary) if it exists. Default: ${DEFAULT-VALUE}.")
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
      names = "--batch-size",
      paramLabel = "ROWS",
      defaultValue = "10000",
      description = "Rows per batch. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Worker threads. Default: the number of available processors.")
  Integer workers;

  @Option(
      names = "--max-in-flight",
      paramLabel = "N",
      description =
          "Batches read but not yet written, at most (bounds memory)." + " Default: 2 x --workers.")
  Integer maxInFlight;

  @Option(
      names = "--dedup",
      paramLabel = "MODE",
      defaultValue = "bloom",
      description =
          "Cross-batch dedup: bloom (scalable Bloom filter, ~30 bits per product), exact (128-bit"
              + " hashes, ~32 bytes per product) or none. Default: ${DEFAULT-VALUE}.")
  String dedup;

  @Option(
      names = "--expected-products",
      paramLabel = "N",
      defaultValue = "50000000",
      description =
          "Unique products expected: sizes the dedup (the Bloom filter grows past it"
              + " and keeps its rate). Default: ${DEFAULT-VALUE}.")
  long expectedProducts;

  @Option(
      names = "--bloom-fpp",
      paramLabel = "P",
      defaultValue = "1e-6",
      description =
          "False-positive rate of the Bloom filter (the chance that a new product is"
              + " dropped as a duplicate). Default: ${DEFAULT-VALUE}.")
  double bloomFpp;

  @Mixin TransformLibraryOptions libraryOptions;

  @Mixin FragmentsOption fragmentsOption;

  @Option(
      names = "--max-products-per-parent",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "At most this many products per parent (all transforms); the rest are"
              + " counted as capped. Default: ${DEFAULT-VALUE}.")
  int maxProductsPerParent;

  @Option(
      names = "--max-heavy-atoms",
      paramLabel = "N",
      defaultValue = "500",
      description =
          "Parents with more heavy atoms are rejected (stage parent) without matching."
              + " Default: ${DEFAULT-VALUE}.")
  int maxHeavyAtoms;

  @Option(
      names = "--time-per-parent",
      paramLabel = "MS",
      defaultValue = "10000",
      description =
          "A parent still being enumerated after this many milliseconds is rejected (stage"
              + " timeout; checked between products). Default: ${DEFAULT-VALUE}.")
  long timePerParentMillis;

  @Option(
      names = "--fail-on-reject",
      description =
          "Exit 1 when any row or product was rejected, after writing every output."
              + " Default: ${DEFAULT-VALUE}.")
  boolean failOnReject;

  @Option(
      names = "--resume",
      description =
          "Continue a run that was killed, from the parts it left in <output>.parts/; same"
              + " input and options required. Default: ${DEFAULT-VALUE}.")
  boolean resume;

  @Option(
      names = "--dedup-state",
      paramLabel = "FILE",
      description =
          "Load the dedup state from FILE at the start if it exists, save it there at the end:"
              + " runs over parts of a library then dedup as one run. Default: none.")
  Path dedupState;

  @Option(
      names = "--part-batches",
      paramLabel = "N",
      hidden = true,
      defaultValue = "9223372036854775807",
      description = "Commit a part of the output at least every N batches (tests).")
  long partBatches;

  @Option(
      names = "--progress-every",
      paramLabel = "K",
      defaultValue = "1",
      description = "A progress line every K batches. Default: ${DEFAULT-VALUE}.")
  int progressEvery;

  @Option(
      names = "--quiet",
      description =
          "No progress lines (warnings and the summary still"
              + " print). Default: ${DEFAULT-VALUE}.")
  boolean quiet;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Also write a self-contained HTML run report (charts, sample products drawn)"
              + " to FILE once the output is committed. See the report command. Default: none.")
  Path report;

  @Option(
      names = "--verbose",
      description = "Debug logging, and stack traces on errors." + " Default: ${DEFAULT-VALUE}.")
  boolean verbose;

  @Override
  public Integer call() {
    ApplyOptions options =
        ApplyOptions.resolve(
            input,
            output,
            overwrite,
            smilesColumn,
            idColumn,
            batchSize,
            workers,
            maxInFlight,
            dedup,
            expectedProducts,
            bloomFpp,
            spec.commandLine().getParseResult().hasMatchedOption("--bloom-fpp"),
            maxProductsPerParent,
            maxHeavyAtoms,
            timePerParentMillis,
            progressEvery,
            quiet,
            failOnReject,
            resume,
            dedupState,
            partBatches,
            report);
    if (verbose) {
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.transformpipeline"))
          .setLevel(Level.DEBUG);
    }
    List<TransformDefinition> transforms = libraryOptions.library().transforms();
    if (options.report() != null) {
      ReportCommand.checkTarget(options.report(), options.overwrite());
    }
    ApplyRun run =
        new ApplyRun(options, transforms, fragmentsOption.chemistry(libraryOptions), hooks);
    RunSummary summary = run.run();
    PrintWriter out = spec.commandLine().getOut();
    out.print(SummaryReport.text(summary));
    out.println("Rejects written to " + run.rejectsFile());
    out.println("Summary written to " + run.summaryFile());
    out.flush();
    if (options.report() != null) {
      ReportCommand.write(options.output(), summary, ReportModel.DEFAULT_SAMPLES, options.report());
      out.println("Report written to " + options.report());
      out.flush();
    }
    List<String> violations = summary.identityViolations();
    if (!violations.isEmpty()) {
      throw UserException.failure("internal error: the counts do not add up: " + violations, null);
    }
    long rejected = summary.rows().rejected() + summary.products().rejected();
    if (options.failOnReject() && rejected > 0) {
      throw UserException.failure(
          "--fail-on-reject: "
              + summary.rows().rejected()
              + " rows and "
              + summary.products().rejected()
              + " products were rejected (listed in "
              + run.rejectsFile()
              + "); the outputs were written",
          null);
    }
    return 0;
  }
}
