package org.transformpipeline.pipeline.dedup;

/**
 * A dedup state file cannot be used: it does not match the run's dedup options ({@link
 * #mismatch()}, a usage error), or it cannot be read. The message is one line naming the file.
 */
public final class DedupStateException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean mismatch;

  public DedupStateException(boolean mismatch, String message) {
    super(message);
    this.mismatch = mismatch;
  }

  /** True when the file is fine but was made with other options than this run's. */
  public boolean mismatch() {
    return mismatch;
  }
}
