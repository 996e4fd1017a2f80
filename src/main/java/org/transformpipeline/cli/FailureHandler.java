package org.transformpipeline.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception out of a command into one line on stderr and an exit code. The stack trace is
 * printed only when {@code --verbose} was given.
 */
final class FailureHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    boolean verbose =
        Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--verbose");
    if (verbose) {
      e.printStackTrace(cmd.getErr());
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    cmd.getErr().println("error: " + message);
    cmd.getErr().flush();
    return e instanceof UserException u ? u.exitCode() : TransformCli.EXIT_FAILURE;
  }
}
