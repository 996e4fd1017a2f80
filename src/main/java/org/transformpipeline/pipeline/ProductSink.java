package org.transformpipeline.pipeline;

import java.io.IOException;

/**
 * Where the pipeline writes unique products: {@code parquet.ProductWriter} in a run. Called from
 * the consumer thread only. Exactly one of {@link #commit()} (the output appears at its target
 * path) or {@link #abort()} (nothing appears at the target) ends it.
 */
public interface ProductSink {

  void write(ProductRow row) throws IOException;

  /** Finishes the output and moves it into place atomically. */
  void commit() throws IOException;

  /** Discards everything written; never throws. */
  void abort();
}
