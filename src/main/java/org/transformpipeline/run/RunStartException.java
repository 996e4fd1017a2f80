package org.transformpipeline.run;

/**
 * A run that may not start as asked: a leftover parts directory without {@code --resume} or {@code
 * --overwrite}, or a {@code --resume} whose options or dedup state differ from the interrupted
 * run's. The message is one line that says what to do.
 */
public final class RunStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean mismatch;

  RunStartException(String message, boolean mismatch) {
    super(message);
    this.mismatch = mismatch;
  }

  /** True when the options given do not match the interrupted run's (a usage error). */
  public boolean mismatch() {
    return mismatch;
  }
}
