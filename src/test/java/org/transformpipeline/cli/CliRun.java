package org.transformpipeline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What one run of the command line printed and returned.
 *
 * @param exit the exit code
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
record CliRun(int exit, String out, String err) {

  /** Runs {@link TransformCli#run} with these arguments, capturing its output. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = TransformCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(exit, out.toString(), err.toString());
  }

  /** The help text with line wrapping undone (runs of white space as one space). */
  String flatOut() {
    return out.replaceAll("\\s+", " ");
  }
}
