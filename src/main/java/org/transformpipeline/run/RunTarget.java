package org.transformpipeline.run;

import java.nio.file.Path;
import java.util.Objects;
import org.transformpipeline.parquet.RejectWriter;
import org.transformpipeline.pipeline.SummaryReport;

/**
 * Where a run writes and what it may do with what is already there, as {@code --output}, {@code
 * --overwrite}, {@code --resume} and {@code --part-batches} set it. Immutable.
 *
 * @param output the products file
 * @param overwrite whether existing outputs (products, summary, rejects, parts) may be replaced
 * @param resume whether to go on from the parts an interrupted run left
 * @param partBatches commit a part at least every this many batches (the other {@link
 *     RunOutput.PartLimits} apply too)
 */
public record RunTarget(Path output, boolean overwrite, boolean resume, long partBatches) {

  public RunTarget {
    Objects.requireNonNull(output, "output");
  }

  /** {@code <output>.rejects.parquet}. */
  public Path rejectsFile() {
    return RejectWriter.pathFor(output);
  }

  /** {@code <output>.summary.json}. */
  public Path summaryFile() {
    return SummaryReport.jsonPathFor(output);
  }

  /** {@code <output>.parts/}: the committed parts while the run is under way. */
  public Path partsDir() {
    return RunParts.dirFor(output);
  }

  /** When to commit a part: the defaults, with {@link #partBatches()}. */
  RunOutput.PartLimits partLimits() {
    RunOutput.PartLimits defaults = RunOutput.PartLimits.defaults();
    return new RunOutput.PartLimits(defaults.bytes(), partBatches, defaults.time());
  }
}
