package org.transformpipeline.pipeline;

/**
 * A failure that stopped the run (unreadable input, unwritable output, a worker that failed a whole
 * batch). Its message says where: which batch, and read, transform or write.
 */
public final class PipelineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PipelineException(String message, Throwable cause) {
    super(message, cause);
  }
}
