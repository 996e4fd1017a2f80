package org.transformpipeline.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import org.transformpipeline.chem.TransformDefinition;
import org.transformpipeline.chem.TransformLibrary;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;
import org.transformpipeline.report.ReportModel;
import org.transformpipeline.run.RunInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
      "Output columns: product_smiles, parent_id, parent_smiles, transform, site, fragment,"
          + " product_id, generation, root_id, pathway, score, then every other input column"
          + " unchanged (the root's). An apply output given as input is continued: its products"
          + " are the next generation's parents."
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
      "  transform.jar apply --input lib.parquet --output metabolites.parquet \\",
      "      --transforms phase1.txt --transforms phase2.txt \\",
      "      --scenario phase1:2,phase2:1 --min-score 0.001",
      "",
      "Also written: <output>.rejects.parquet (every rejected row and product, possibly none)"
          + " and <output>.summary.json.",
      "Exit codes: 0 ok, 1 run failed (no output file written) or --fail-on-reject saw rejects"
          + " (outputs written), 2 usage error."
    })
public final class ApplyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private final ApplyRun.Stages stages;

  /** The command as the command line runs it: the run's own sink and enumerators. */
  public ApplyCommand() {
    this(ApplyRun.Stages.STANDARD);
  }

  /** The command with the run's sink and enumerators made by {@code stages}. */
  ApplyCommand(ApplyRun.Stages stages) {
    this.stages = stages;
  }

  // The options, in groups mapped onto the records the stages take; a new option is one field in
  // its group (the group's class says where its value goes). Help lists them in this order.
  @Mixin InputOptions input;

  @Mixin OutputOptions output;

  @Mixin PipelineOptions pipeline;

  @Mixin DedupOptions dedup;

  @Mixin TransformLibraryOptions libraryOptions;

  @Mixin EnumerationOptions enumeration;

  @Mixin FragmentsOption fragmentsOption;

  @Mixin GenerationOptions generationOptions;

  @Mixin FilterOptions filterOptions;

  @Mixin ReportingOptions reporting;

  @Override
  public Integer call() {
    RunInput library = input.input();
    ApplyOptions options =
        new ApplyOptions(
            library,
            output.target(),
            pipeline.settings(library),
            dedup.settings(),
            enumeration.limits(),
            reporting.reporting());
    if (options.reporting().verbose()) {
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.transformpipeline"))
          .setLevel(Level.DEBUG);
    }
    TransformLibrary transformLibrary = libraryOptions.library();
    List<TransformDefinition> transforms = transformLibrary.transforms();
    Path report = options.reporting().report();
    if (report != null) {
      ReportCommand.checkTarget(report, options.target().overwrite());
    }
    PrintWriter err = spec.commandLine().getErr();
    ApplyRun run =
        new ApplyRun(
            options,
            transforms,
            generationOptions.generations(transforms),
            fragmentsOption
                .chemistry(libraryOptions)
                .filtered(filterOptions.filter(transformLibrary.filter())),
            stages,
            line -> {
              err.println(line);
              err.flush();
            });
    RunSummary summary = run.run();
    PrintWriter out = spec.commandLine().getOut();
    out.print(SummaryReport.text(summary));
    out.println("Rejects written to " + options.target().rejectsFile());
    out.println("Summary written to " + options.target().summaryFile());
    out.flush();
    if (report != null) {
      ReportCommand.write(options.target().output(), summary, ReportModel.DEFAULT_SAMPLES, report);
      out.println("Report written to " + report);
      out.flush();
    }
    List<String> violations = summary.identityViolations();
    if (!violations.isEmpty()) {
      throw UserException.failure("internal error: the counts do not add up: " + violations, null);
    }
    long rejected = summary.rows().rejected() + summary.products().rejected();
    if (options.reporting().failOnReject() && rejected > 0) {
      throw UserException.failure(
          "--fail-on-reject: "
              + summary.rows().rejected()
              + " rows and "
              + summary.products().rejected()
              + " products were rejected (listed in "
              + options.target().rejectsFile()
              + "); the outputs were written",
          null);
    }
    return 0;
  }
}
