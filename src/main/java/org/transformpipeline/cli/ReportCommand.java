package org.transformpipeline.cli;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.transformpipeline.parquet.InputException;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;
import org.transformpipeline.report.ReportModel;
import org.transformpipeline.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report}: one self-contained HTML page about a finished {@code apply} run, from its
 * products file and its {@code <output>.summary.json}. Also used by {@code apply --report}. Not
 * thread-safe; one run per instance.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write a self-contained HTML report of an apply run: settings, counts, products per"
          + " transform, rate, heap and batches in flight over time, reject reasons, and sample"
          + " products drawn next to their parents with the site highlighted.",
      "Reads OUTPUT and OUTPUT.summary.json as written by apply. The page needs no network."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  transform.jar report products.parquet",
      "  transform.jar report products.parquet --output run.html",
      "  transform.jar report products.parquet --samples 48 --overwrite",
      "",
      "Exit codes: 0 ok, 1 failure (no report written), 2 usage error."
    })
public final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OUTPUT", description = "Products file written by apply.")
  Path products;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "HTML file to write. Default: OUTPUT.report.html next to OUTPUT.")
  Path output;

  @Option(
      names = "--summary",
      paramLabel = "FILE",
      description = "Run summary JSON. Default: OUTPUT.summary.json.")
  Path summary;

  @Option(
      names = "--samples",
      paramLabel = "N",
      defaultValue = "" + ReportModel.DEFAULT_SAMPLES,
      description = "Products to draw, spread over the file. Default: ${DEFAULT-VALUE}.")
  int samples;

  @Option(
      names = "--overwrite",
      description = "Replace the HTML file if it exists." + " Default: ${DEFAULT-VALUE}.")
  boolean overwrite;

  @Option(names = "--verbose", description = "Stack traces on errors. Default: ${DEFAULT-VALUE}.")
  boolean verbose;

  /** Where the report of a products file goes by default. */
  public static Path defaultPathFor(Path products) {
    return products.resolveSibling(products.getFileName() + ".report.html");
  }

  @Override
  public Integer call() throws IOException {
    if (samples < 0) {
      throw UserException.usage("--samples must be >= 0, got " + samples);
    }
    Path target = output == null ? defaultPathFor(products) : output;
    Path summaryPath = summary == null ? SummaryReport.jsonPathFor(products) : summary;
    if (same(target, products) || same(target, summaryPath)) {
      throw UserException.usage("--output would replace an input of the report: " + target);
    }
    checkTarget(target, overwrite);
    RunSummary run = readSummary(summaryPath);
    write(products, run, samples, target);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Report written to " + target);
    out.flush();
    return 0;
  }

  /**
   * Fails (exit 1) when the report file exists and may not be replaced, or its directory is
   * missing; checked before a run so that a long run does not end without its report.
   */
  static void checkTarget(Path target, boolean overwrite) {
    if (!overwrite && Files.exists(target)) {
      throw UserException.failure(
          "report file exists: " + target + " (use --overwrite to replace it)", null);
    }
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw UserException.failure("directory of the report file not found: " + target, null);
    }
  }

  /** Samples and draws the products, and writes the page atomically. */
  static void write(Path products, RunSummary summary, int samples, Path target) {
    try {
      RunReport.write(ReportModel.load(products, summary, samples), target);
    } catch (InputException e) {
      throw UserException.failure(e.getMessage(), e);
    } catch (IOException e) {
      throw UserException.failure("cannot write the report " + target + ": " + e.getMessage(), e);
    }
  }

  private static RunSummary readSummary(Path path) {
    if (!Files.isRegularFile(path)) {
      throw UserException.failure(
          "summary file not found: "
              + path
              + " (apply writes it next to its output; or give"
              + " --summary)",
          null);
    }
    try {
      RunSummary run = SummaryReport.readJson(path);
      if (run == null || run.rows() == null || run.products() == null || run.transforms() == null) {
        throw UserException.failure(
            path + ": not a run summary (no rows, products or" + " transforms)", null);
      }
      return run;
    } catch (JacksonException e) {
      throw UserException.failure(path + ": not a run summary: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw UserException.failure("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static boolean same(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
