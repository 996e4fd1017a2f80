package org.transformpipeline.cli;

import org.transformpipeline.parquet.InputException;
import org.transformpipeline.pipeline.Pipeline;
import org.transformpipeline.run.BatchSize;
import org.transformpipeline.run.RunInput;
import picocli.CommandLine.Option;

/** How the pipeline runs: batches, threads, memory bound ({@code @Mixin}). */
public final class PipelineOptions {

  @Option(
      names = "--batch-size",
      paramLabel = "ROWS",
      description =
          "Rows per batch. Default: a 64th of the input rows, from 200 to 10000 (so every"
              + " worker gets several batches of a small library).")
  Integer batchSize;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Worker threads. Default: the number of available processors.")
  Integer workers;

  @Option(
      names = "--max-in-flight",
      paramLabel = "N",
      description =
          "Batches read but not yet written, at most (bounds memory). Default: 2 x --workers.")
  Integer maxInFlight;

  /**
   * The settings, defaults resolved ({@code --workers}: the processors; {@code --max-in-flight}: 2
   * x workers) and validated.
   */
  Pipeline.Settings settings(RunInput input) {
    int rows = batchSize != null ? batchSize : adaptive(input);
    ApplyOptions.atLeastOne("--batch-size", rows);
    int w = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
    ApplyOptions.atLeastOne("--workers", w);
    int inFlight = maxInFlight == null ? 2 * w : maxInFlight;
    ApplyOptions.atLeastOne("--max-in-flight", inFlight);
    return new Pipeline.Settings(w, inFlight, rows);
  }

  /** True when the batch size was chosen from the input, not given. */
  boolean adaptiveBatchSize() {
    return batchSize == null;
  }

  /** {@link BatchSize#forRows} of the input's row count; an unreadable input is reported later. */
  private static int adaptive(RunInput input) {
    try {
      return BatchSize.forRows(input.schema().rowCount());
    } catch (InputException e) {
      // the run opens the input again and reports what is wrong with it, naming the file
      return BatchSize.MAX;
    }
  }
}
