package org.transformpipeline.parquet;

/**
 * An output file cannot be created, written or published. The message is one line and names the
 * file or directory.
 */
public final class OutputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OutputException(String message) {
    super(message);
  }

  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
