package org.transformpipeline.convert;

/**
 * A conversion cannot go on: the input cannot be read or has no usable SMILES column, a record is
 * too malformed to skip, or the output cannot be written. The message is one line and names the
 * file (and the line, row or column when there is one).
 */
public final class ConversionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConversionException(String message) {
    super(message);
  }

  public ConversionException(String message, Throwable cause) {
    super(message, cause);
  }
}
