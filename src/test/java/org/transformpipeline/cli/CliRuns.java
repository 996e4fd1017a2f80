package org.transformpipeline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the command line in-process, as {@code TransformCli.run} does, optionally with hooks. */
final class CliRuns {

  private CliRuns() {}

  /** The outcome of a run: exit code, stdout, stderr. */
  record Run(int exit, String out, String err) {
    /** True when stderr holds a Java stack trace line. */
    boolean hasStackTrace() {
      return err.contains("\tat ");
    }
  }

  /** {@code apply} with these arguments. */
  static Run apply(String... args) {
    return apply(ApplyRun.Hooks.NONE, args);
  }

  /** {@code apply} with these arguments and test hooks. */
  static Run apply(ApplyRun.Hooks hooks, String... args) {
    CommandLine cli = TransformCli.commandLine();
    ApplyCommand apply = cli.getSubcommands().get("apply").getCommand();
    apply.hooks = hooks;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("apply"));
    all.addAll(List.of(args));
    int exit = cli.execute(all.toArray(new String[0]));
    return new Run(exit, out.toString(), err.toString());
  }
}
