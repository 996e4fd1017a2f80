package org.transformpipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A bad command line: one line on stderr naming the problem and the help to read, e.g. {@code
 * error: Missing required option: '--output=FILE' (see 'transform.jar convert --help')}; exit code
 * 2.
 */
final class UsageHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String message = String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
    cmd.getErr()
        .println(
            "error: " + message + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
    cmd.getErr().flush();
    return TransformCli.EXIT_USAGE;
  }
}
