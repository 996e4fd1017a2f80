package org.transformpipeline.run;

import org.transformpipeline.pipeline.RunCheckpoint;
import org.transformpipeline.pipeline.dedup.Deduplicator;

/**
 * How a run begins, decided once by {@link RunStarter}: fresh, or resumed from the manifest and
 * checkpoint an interrupted run left. Either way it gives the batch to read first, the counts to
 * start from, the deduplicator (already holding every product of the committed parts) and the sink
 * the pipeline writes to. Closing it releases the parts directory: kept when it holds work worth
 * resuming, else deleted; a finished run has deleted it already.
 *
 * <p>Not thread-safe.
 */
public sealed interface RunStart extends AutoCloseable {

  /** The sink: the run's parts, then its final files. */
  RunOutput sink();

  /** The cross-batch deduplicator the pipeline starts with. */
  Deduplicator dedup();

  /** Whether the final files may replace files already at the targets. */
  boolean replacesTargets();

  /** The counts the run starts from: zero for a fresh run. */
  RunCheckpoint checkpoint();

  /** The index of the first batch to read. */
  default long firstBatch() {
    return checkpoint().batchesWritten();
  }

  /** The first input row to read, for batches of this size. */
  default long firstRow(int batchSize) {
    return firstBatch() * batchSize;
  }

  /**
   * Releases the parts directory when the run did not finish: kept when it holds work worth
   * resuming, else deleted (see {@link RunParts#release()}). Never throws.
   */
  @Override
  default void close() {
    sink().parts().release();
  }

  /** A run with nothing before it (or started over with {@code --overwrite}). */
  record Fresh(RunOutput sink, Deduplicator dedup, boolean replacesTargets) implements RunStart {

    @Override
    public RunCheckpoint checkpoint() {
      return RunCheckpoint.start();
    }
  }

  /**
   * A run going on from the parts of an interrupted one.
   *
   * @param manifest the interrupted run's manifest, as read
   */
  record Resumed(PartManifest manifest, RunOutput sink, Deduplicator dedup, boolean replacesTargets)
      implements RunStart {

    @Override
    public RunCheckpoint checkpoint() {
      return manifest.checkpoint();
    }
  }
}
