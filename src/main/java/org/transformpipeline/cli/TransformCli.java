package org.transformpipeline.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code java -jar transform.jar <command>}. Exit codes: 0 ok, 1 failure, 2 usage.
 * User errors print one line; stack traces only with {@code --verbose}.
 */
@Command(
    name = "transform.jar",
    mixinStandardHelpOptions = true,
    versionProvider = TransformCli.Version.class,
    description = "Apply SMIRKS transforms to molecule libraries stored as Parquet.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ConvertCommand.class,
      ApplyCommand.class,
      InspectCommand.class,
      ReportCommand.class,
      TransformsCommand.class,
      CompletionCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar transform.jar convert --input lib.smi --output lib.parquet",
      "  java -jar transform.jar apply --input lib.parquet --output products.parquet",
      "  java -jar transform.jar transforms list",
      "  java -jar transform.jar apply --help",
      "",
      "Each command's help writes transform.jar for java -jar transform.jar; for tab completion:",
      "  alias transform.jar='java -jar /opt/transform/transform.jar'",
      "  source <(transform.jar completion)",
      "",
      "Exit codes: 0 ok, 1 failure (input, output or run), 2 usage error (bad option or"
          + " transform library)."
    })
public final class TransformCli {

  /** Exit code of a run that failed (input, output or internal error). */
  public static final int EXIT_FAILURE = 1;

  /** Exit code of a usage error (bad option, bad transform library). */
  public static final int EXIT_USAGE = 2;

  public static void main(String[] args) {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true"); // the report draws molecules, no windows
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns its exit code; never calls {@code System.exit}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  /** The configured picocli command tree (shared by {@link #run} and the tests). */
  public static CommandLine commandLine() {
    return commandLine(CommandLine.defaultFactory());
  }

  /** The command tree with its commands made by {@code factory} (e.g. one wired differently). */
  static CommandLine commandLine(CommandLine.IFactory factory) {
    CommandLine cli = new CommandLine(new TransformCli(), factory);
    cli.setExecutionExceptionHandler(new FailureHandler());
    cli.setParameterExceptionHandler(new UsageHandler());
    return cli;
  }

  /** Reads the version from the jar manifest (set by Maven), or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = TransformCli.class.getPackage().getImplementationVersion();
      return new String[] {"transform-pipeline " + (v == null ? "dev" : v)};
    }
  }
}
