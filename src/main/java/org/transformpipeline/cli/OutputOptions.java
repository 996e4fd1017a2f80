package org.transformpipeline.cli;

import java.nio.file.Path;
import org.transformpipeline.run.RunTarget;
import picocli.CommandLine.Option;

/** {@code apply}'s outputs and what to do with those already there ({@code @Mixin}). */
public final class OutputOptions {

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE",
      description =
          "Products file (Parquet) to create; written to a temp file and renamed at the end.")
  Path output;

  @Option(
      names = "--overwrite",
      description =
          "Replace what an earlier run left: --output, <output>.summary.json,"
              + " <output>.rejects.parquet and the parts of an interrupted run in"
              + " <output>.parts/ (the run starts over). Default: ${DEFAULT-VALUE}.")
  boolean overwrite;

  @Option(
      names = "--resume",
      description =
          "Continue a run that was killed, from the parts it left in <output>.parts/; same"
              + " input and options required. Default: ${DEFAULT-VALUE}.")
  boolean resume;

  @Option(
      names = "--part-batches",
      paramLabel = "N",
      hidden = true,
      defaultValue = "9223372036854775807",
      description = "Commit a part of the output at least every N batches (tests).")
  long partBatches;

  /** The target, validated. */
  RunTarget target() {
    ApplyOptions.atLeastOne("--part-batches", partBatches);
    return new RunTarget(output, overwrite, resume, partBatches);
  }
}
