package org.transformpipeline.parquet;

/**
 * The input library cannot be read: missing, not Parquet, truncated, or without the columns the run
 * needs. The message is one line and names the file (and the column or row when there is one).
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
