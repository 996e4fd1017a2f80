package org.transformpipeline.cli;

import java.nio.file.Path;
import org.transformpipeline.chem.EnumerationLimits;
import org.transformpipeline.pipeline.Pipeline;
import org.transformpipeline.pipeline.dedup.DedupSettings;
import org.transformpipeline.run.RunInput;
import org.transformpipeline.run.RunTarget;

/**
 * The {@code apply} options after parsing, as the groups the stages take, each validated by its
 * option group ({@link InputOptions}, {@link OutputOptions}, {@link PipelineOptions}, {@link
 * DedupOptions}, {@link EnumerationOptions}, {@link ReportingOptions}); this record checks what
 * spans groups: files that must differ. A bad value or combination is a usage error (exit 2) with
 * one precise line, e.g. {@code --max-in-flight must be >= 1, got 0}. Immutable.
 *
 * @param input the library to read
 * @param target where to write, and what to do with what is there
 * @param pipeline batches, workers, the in-flight bound
 * @param dedup the cross-batch dedup
 * @param limits the per-parent guards
 * @param reporting progress, report, exit on rejects
 */
public record ApplyOptions(
    RunInput input,
    RunTarget target,
    Pipeline.Settings pipeline,
    DedupSettings dedup,
    EnumerationLimits limits,
    ReportingOptions.Reporting reporting) {

  /** Validates what spans groups; every message names the options and the file. */
  public ApplyOptions {
    Path output = target.output();
    if (same(input.file(), output)) {
      throw UserException.usage("--output is the same file as --input: " + output);
    }
    Path dedupState = dedup.stateFile();
    if (dedupState != null && (same(dedupState, input.file()) || same(dedupState, output))) {
      throw UserException.usage(
          "--dedup-state must be a file of its own, not --input or --output: " + dedupState);
    }
    Path report = reporting.report();
    if (report != null && (same(report, input.file()) || same(report, output))) {
      throw UserException.usage("--report is the same file as --input or --output: " + report);
    }
  }

  private static boolean same(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /** A usage error naming the option unless {@code value >= 1}. */
  static void atLeastOne(String option, long value) {
    if (value < 1) {
      throw UserException.usage(option + " must be >= 1, got " + value);
    }
  }
}
