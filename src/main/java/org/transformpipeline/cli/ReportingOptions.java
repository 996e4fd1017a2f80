package org.transformpipeline.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What {@code apply} says while and after it runs ({@code @Mixin}): mapped onto {@link Reporting}.
 */
public final class ReportingOptions {

  /**
   * @param failOnReject exit 1 (after writing every output) when any row or product was rejected
   * @param progressEvery a progress line every this many batches
   * @param quiet no progress lines
   * @param report the HTML run report to write after the output, or null for none
   * @param verbose debug logging and stack traces
   */
  record Reporting(
      boolean failOnReject, int progressEvery, boolean quiet, Path report, boolean verbose) {}

  @Option(
      names = "--fail-on-reject",
      description =
          "Exit 1 when any row or product was rejected, after writing every output."
              + " Default: ${DEFAULT-VALUE}.")
  boolean failOnReject;

  @Option(
      names = "--progress-every",
      paramLabel = "K",
      defaultValue = "1",
      description = "A progress line every K batches. Default: ${DEFAULT-VALUE}.")
  int progressEvery;

  @Option(
      names = "--quiet",
      description =
          "No progress lines (warnings and the summary still print). Default: ${DEFAULT-VALUE}.")
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
      description = "Debug logging, and stack traces on errors. Default: ${DEFAULT-VALUE}.")
  boolean verbose;

  /** The settings, validated. */
  Reporting reporting() {
    ApplyOptions.atLeastOne("--progress-every", progressEvery);
    return new Reporting(failOnReject, progressEvery, quiet, report, verbose);
  }
}
