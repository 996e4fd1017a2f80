package org.transformpipeline.pipeline;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where the pipeline reads its batches: {@code parquet.BatchReader} in a run, a list in tests.
 * Called from one thread (the pipeline's reader thread).
 */
public interface BatchSource extends Closeable {

  /** The next batch, with consecutive indexes from 0, or null at the end of the input. */
  RowBatch next() throws IOException;

  /** Total number of input rows (for the progress line's batch count), or -1 if unknown. */
  long rowCount();
}
