package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad command line is one line on stderr, the error and where to find help, and exit 2; nothing
 * on stdout.
 */
class UsageErrorTest {

  private record Outcome(int exit, String out, String err) {}

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = TransformCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Outcome(exit, out.toString(), err.toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "apply | error: Missing required options: '--input=FILE', '--output=FILE'"
            + " (see 'transform.jar apply --help')",
        "apply --input a.parquet --output b.parquet --workers two | error: Invalid value for"
            + " option '--workers': 'two' is not an int (see 'transform.jar apply --help')",
        "bogus | error: Unmatched argument at index 0: 'bogus' (see 'transform.jar --help')",
        "transforms | error: missing subcommand: 'list' or 'check'"
            + " (see 'transform.jar transforms --help')",
        "inspect | error: Missing required parameter: 'FILE' (see 'transform.jar inspect --help')"
      })
  void aUsageErrorIsOneLineWithTheHelpToRead(String args, String line) {
    Outcome o = run(args.split(" "));

    assertEquals(2, o.exit());
    assertEquals(line + System.lineSeparator(), o.err());
    assertEquals("", o.out());
  }

  /** Every command path of the tree, e.g. "transforms check" (picocli's help command left out). */
  static Stream<String> commands() {
    return CommandHelpTest.commands();
  }

  @ParameterizedTest(name = "transform.jar {0}")
  @MethodSource("commands")
  void anUnknownOptionOfAnyCommandIsOneLine(String command) {
    List<String> args =
        new ArrayList<>(command.isEmpty() ? List.of() : Arrays.asList(command.split(" ")));
    args.add("--no-such-option");
    Outcome o = run(args.toArray(new String[0]));

    assertEquals(2, o.exit(), o.err());
    assertEquals(1, o.err().lines().count(), o.err());
    assertTrue(o.err().startsWith("error: "), o.err());
    String help = ("transform.jar " + command).strip() + " --help";
    assertTrue(o.err().strip().endsWith("(see '" + help + "')"), o.err());
  }
}
