package org.transformpipeline.cli;

import org.transformpipeline.pipeline.Pipeline;
import picocli.CommandLine.Option;

/** How the pipeline runs: batches, threads, memory bound ({@code @Mixin}). */
public final class PipelineOptions {

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
          "Batches read but not yet written, at most (bounds memory). Default: 2 x --workers.")
  Integer maxInFlight;

  /**
   * The settings, defaults resolved ({@code --workers}: the processors; {@code --max-in-flight}: 2
   * x workers) and validated.
   */
  Pipeline.Settings settings() {
    ApplyOptions.atLeastOne("--batch-size", batchSize);
    int w = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
    ApplyOptions.atLeastOne("--workers", w);
    int inFlight = maxInFlight == null ? 2 * w : maxInFlight;
    ApplyOptions.atLeastOne("--max-in-flight", inFlight);
    return new Pipeline.Settings(w, inFlight, batchSize);
  }
}
