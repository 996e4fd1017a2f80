package org.transformpipeline.cli;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transformpipeline.chem.EnumerationLimits;
import org.transformpipeline.chem.ProductEnumerator;
import org.transformpipeline.chem.TransformDefinition;
import org.transformpipeline.parquet.BatchReader;
import org.transformpipeline.parquet.IdColumn;
import org.transformpipeline.parquet.InputException;
import org.transformpipeline.parquet.OutputException;
import org.transformpipeline.parquet.ProductWriter;
import org.transformpipeline.parquet.StagedParquetWriter;
import org.transformpipeline.pipeline.BatchSource;
import org.transformpipeline.pipeline.Pipeline;
import org.transformpipeline.pipeline.PipelineException;
import org.transformpipeline.pipeline.ProductRow;
import org.transformpipeline.pipeline.ProductSink;
import org.transformpipeline.pipeline.ProgressReporter;
import org.transformpipeline.pipeline.RowBatch;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.RunTotals;
import org.transformpipeline.pipeline.SummaryReport;
import org.transformpipeline.pipeline.TransformWorker;
import org.transformpipeline.report.ReportModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code apply}: streams an input library through the transforms into a deduplicated products file,
 * then prints the run summary and writes it to {@code <output>.summary.json}. Exit 0 when the
 * output was committed, 1 when the run failed (no output file appears), 2 for usage errors.
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
      "Exit codes: 0 ok, 1 run failed (no output file written), 2 usage error."
    })
public final class ApplyCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ApplyCommand.class);

  @Spec CommandSpec spec;

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

  @Option(
      names = "--max-products-per-parent",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "At most this many products per parent (all transforms); the rest are"
              + " counted as capped. Default: ${DEFAULT-VALUE}.")
  int maxProductsPerParent;

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
  public Integer call() throws IOException {
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
            progressEvery,
            quiet,
            report);
    if (verbose) {
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.transformpipeline"))
          .setLevel(Level.DEBUG);
    }
    List<TransformDefinition> transforms = libraryOptions.library().transforms();
    EnumerationLimits limits =
        EnumerationLimits.defaults().withMaxProductsPerParent(options.maxProductsPerParent());
    Path summaryPath = SummaryReport.jsonPathFor(options.output());
    if (!options.overwrite() && summaryPath.toFile().exists()) {
      throw UserException.failure(
          "summary file exists: " + summaryPath + " (use --overwrite to replace it)", null);
    }
    if (options.report() != null) {
      ReportCommand.checkTarget(options.report(), options.overwrite());
    }
    RunSummary summary = run(options, transforms, limits);
    SummaryReport.writeJson(summary, summaryPath);
    PrintWriter out = spec.commandLine().getOut();
    out.print(SummaryReport.text(summary));
    out.println("Summary written to " + summaryPath);
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
    return 0;
  }

  private static RunSummary run(
      ApplyOptions o, List<TransformDefinition> transforms, EnumerationLimits limits) {
    List<String> names = transforms.stream().map(TransformDefinition::name).toList();
    try (BatchReader reader =
            BatchReader.open(
                o.input(), o.smilesColumn(), IdColumn.fromOption(o.idColumn()), o.batchSize());
        ProductWriter writer =
            ProductWriter.create(
                o.output(),
                reader.schema(),
                o.overwrite(),
                StagedParquetWriter.DEFAULT_ROW_GROUP_SIZE,
                Map.of("transform-pipeline.transforms", String.join(",", names)))) {
      LOG.info(
          "{}: {} rows, {} transforms, {} workers, {} batches in flight at most, dedup {}",
          o.input(),
          reader.rowCount(),
          names.size(),
          o.workers(),
          o.maxInFlight(),
          o.dedup().optionValue());
      Pipeline pipeline =
          new Pipeline(
              source(reader),
              new TransformWorker(() -> new ProductEnumerator(transforms, limits)::enumerate),
              o.dedup().create(o.expectedProducts(), o.bloomFpp()),
              sink(writer),
              new Pipeline.Settings(o.workers(), o.maxInFlight(), o.batchSize()),
              ProgressReporter.forCommandLine(
                  o.quiet(), o.progressEvery(), reader.rowCount(), LOG::info, LOG::warn));
      RunTotals totals = pipeline.run();
      RunSummary.Settings settings =
          new RunSummary.Settings(
              o.workers(),
              o.maxInFlight(),
              o.batchSize(),
              o.dedup().optionValue(),
              o.expectedProducts(),
              o.bloomFpp(),
              o.maxProductsPerParent(),
              names);
      return RunSummary.of(o.input().toString(), o.output().toString(), settings, totals);
    } catch (InputException | OutputException | PipelineException e) {
      throw UserException.failure(e.getMessage(), e);
    }
  }

  /** The Parquet reader as the pipeline's batch source. */
  private static BatchSource source(BatchReader reader) {
    return new BatchSource() {
      @Override
      public RowBatch next() {
        return reader.next();
      }

      @Override
      public long rowCount() {
        return reader.rowCount();
      }

      @Override
      public void close() {
        reader.close();
      }
    };
  }

  /** The Parquet writer as the pipeline's product sink. */
  private static ProductSink sink(ProductWriter writer) {
    return new ProductSink() {
      @Override
      public void write(ProductRow row) {
        writer.write(row);
      }

      @Override
      public void commit() {
        writer.commit();
      }

      @Override
      public void abort() {
        writer.abort();
      }
    };
  }
}
