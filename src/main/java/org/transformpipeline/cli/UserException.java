package org.transformpipeline.cli;

/**
 * A failure the user can act on: printed as one line (no stack trace unless {@code --verbose}),
 * with the exit code it carries.
 */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public UserException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public UserException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A usage error (exit 2): bad option values, bad transform file. */
  public static UserException usage(String message) {
    return new UserException(TransformCli.EXIT_USAGE, message);
  }

  /** A run failure (exit 1): unreadable input, unwritable output. */
  public static UserException failure(String message, Throwable cause) {
    return new UserException(TransformCli.EXIT_FAILURE, message, cause);
  }

  public int exitCode() {
    return exitCode;
  }
}
