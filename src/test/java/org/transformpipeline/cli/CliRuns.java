package org.transformpipeline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the command line in-process, as {@code TransformCli.run} does: any command, or {@code apply}
 * with its stages wired differently. The one in-process runner of the tests.
 */
public final class CliRuns {

  private CliRuns() {}

  /**
   * What one run printed and returned.
   *
   * @param exit the exit code
   * @param out what it printed on stdout
   * @param err what it printed on stderr
   */
  public record Run(int exit, String out, String err) {
    /** True when stderr holds a Java stack trace line. */
    boolean hasStackTrace() {
      return err.contains("\tat ");
    }

    /** Stdout with line wrapping undone (runs of white space as one space). */
    String flatOut() {
      return out.replaceAll("\\s+", " ");
    }
  }

  /** The command line with these arguments (the command first). */
  static Run run(String... args) {
    return run(TransformCli.commandLine(), args);
  }

  /** {@code apply} with these arguments. */
  public static Run apply(String... args) {
    return apply(ApplyRun.Stages.STANDARD, args);
  }

  /** {@code apply} with these arguments, its sink and enumerators made by {@code stages}. */
  static Run apply(ApplyRun.Stages stages, String... args) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            return type == ApplyCommand.class
                ? type.cast(new ApplyCommand(stages))
                : CommandLine.defaultFactory().create(type);
          }
        };
    List<String> all = new ArrayList<>(List.of("apply"));
    all.addAll(List.of(args));
    return run(TransformCli.commandLine(factory), all.toArray(new String[0]));
  }

  private static Run run(CommandLine cli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
