package org.transformpipeline.pipeline;

import java.io.IOException;

/**
 * Where the pipeline writes unique products and rejects: {@code run.RunOutput} in a run. Called
 * from the consumer thread only. Exactly one of {@link #commit()} (the outputs appear at their
 * target paths) or {@link #abort()} (nothing appears at the targets) ends it.
 */
public interface ProductSink {

  void write(ProductRow row) throws IOException;

  /** Writes one row of the rejects file: a rejected input row or a rejected product. */
  void reject(RejectRow row) throws IOException;

  /**
   * Called after every product and reject of a batch was written, in batch order, with the run's
   * counts up to and including that batch. A sink that lets a killed run resume commits its
   * progress here now and then; the default does nothing.
   */
  default void batchWritten(RunCheckpoint checkpoint) throws IOException {}

  /** Finishes the outputs and moves them into place atomically. */
  void commit() throws IOException;

  /** Discards everything written and not committed; never throws. */
  void abort();
}
