package org.transformpipeline.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The counts of a run after its first {@code batchesWritten} batches were written: what a sink
 * records with each committed part, and what a resumed run starts from. Timings are not part of it.
 * Immutable.
 *
 * @param batchesWritten batches written so far, all of them before any not written
 * @param rows what became of the rows of those batches
 * @param products what became of their products
 * @param transforms per transform: products generated and written
 * @param rejectedExamples the first rejected rows (at most {@code RunTally.MAX_REJECTED_EXAMPLES})
 */
public record RunCheckpoint(
    long batchesWritten,
    RunSummary.RowCounts rows,
    RunSummary.ProductCounts products,
    Map<String, RunSummary.TransformCounts> transforms,
    List<RowRejection> rejectedExamples) {

  public RunCheckpoint {
    if (batchesWritten < 0) {
      throw new IllegalArgumentException("batchesWritten < 0: " + batchesWritten);
    }
    transforms = Map.copyOf(transforms);
    rejectedExamples = List.copyOf(rejectedExamples);
  }

  /** The checkpoint of a run that has written nothing. */
  public static RunCheckpoint start() {
    return new RunTally().checkpoint(0);
  }
}
