package org.transformpipeline.chem;

/**
 * A transform library that cannot be used: unreadable file, bad YAML/JSON, a bad entry or SMIRKS,
 * or an unknown transform name. The message is ready for the user: its first line names the file
 * and transform; a SMIRKS problem adds the SMIRKS and a caret line under the position.
 */
public class TransformLibraryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransformLibraryException(String message) {
    super(message);
  }

  public TransformLibraryException(String message, Throwable cause) {
    super(message, cause);
  }
}
