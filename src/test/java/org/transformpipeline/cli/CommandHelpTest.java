package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The {@code --help} of every command in the tree (found by walking it, so a new command is checked
 * as soon as it is added): every option listed with its default, examples that fit the width, and
 * the exit codes. Picocli's own {@code help} command is left out.
 */
class CommandHelpTest {

  /** The command paths under the root, e.g. "transforms check"; "" is the root itself. */
  static Stream<String> commands() {
    List<String> paths = new ArrayList<>();
    collect(TransformCli.commandLine(), "", paths);
    return paths.stream();
  }

  private static void collect(CommandLine command, String path, List<String> paths) {
    if (command.getCommandSpec().helpCommand()) {
      return;
    }
    paths.add(path);
    for (CommandLine sub : command.getSubcommands().values()) {
      collect(sub, (path + " " + sub.getCommandName()).strip(), paths);
    }
  }

  private static CommandSpec spec(String path) {
    CommandLine command = TransformCli.commandLine();
    for (String name : path.isEmpty() ? new String[0] : path.split(" ")) {
      command = command.getSubcommands().get(name);
    }
    return command.getCommandSpec();
  }

  private static String help(String path) {
    List<String> args =
        new ArrayList<>(path.isEmpty() ? List.of() : Arrays.asList(path.split(" ")));
    args.add("--help");
    CliRuns.Run run = CliRuns.run(args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    return run.out();
  }

  @Test
  void theTreeHoldsEveryCommand() {
    List<String> paths = commands().toList();
    for (String expected :
        List.of(
            "",
            "apply",
            "convert",
            "inspect",
            "report",
            "transforms",
            "transforms list",
            "transforms check",
            "completion")) {
      assertTrue(paths.contains(expected), "'" + expected + "' in " + paths);
    }
  }

  @ParameterizedTest(name = "transform.jar {0} --help")
  @MethodSource("commands")
  void listsEveryOptionWithItsDefault(String path) {
    String help = help(path);
    CommandSpec spec = spec(path);
    for (OptionSpec option : spec.options()) {
      if (option.hidden()) {
        continue;
      }
      String text = optionText(help, option);
      if (option.required() || option.usageHelp() || option.versionHelp()) {
        continue;
      }
      String lower = text.toLowerCase(Locale.ROOT);
      assertTrue(lower.contains("default"), option.longestName() + " says its default: " + text);
      String value = defaultShown(option);
      if (value != null) {
        assertTrue(
            lower.contains("default: " + value.toLowerCase(Locale.ROOT)),
            option.longestName() + " shows its default " + value + ": " + text);
      }
    }
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      assertTrue(help.contains(positional.paramLabel()), positional.paramLabel() + " in\n" + help);
    }
  }

  @ParameterizedTest(name = "transform.jar {0} --help")
  @MethodSource("commands")
  void showsExamplesThatFitTheWidth(String path) {
    CommandSpec spec = spec(path);
    String help = help(path);
    assertTrue(help.contains("\nExamples:\n"), help);
    String invocation = ("transform.jar " + path).strip();
    assertTrue(
        help.lines().anyMatch(l -> l.startsWith("  ") && l.contains(invocation)),
        "an example line running '" + invocation + "' in\n" + help);
    int width = spec.usageMessage().width();
    for (String line : spec.usageMessage().footer()) {
      if (line.startsWith("  ")) { // an example: a wrapped one cannot be copied
        assertTrue(line.length() <= width, "example wider than " + width + ", it wraps: " + line);
      }
    }
  }

  @ParameterizedTest(name = "transform.jar {0} --help")
  @MethodSource("commands")
  void documentsTheExitCodes(String path) {
    String help = help(path).replaceAll("\\s+", " ");
    assertTrue(
        Pattern.compile("Exit codes: 0 ok\\b.*, 1 [a-z].*, 2 usage error\\b").matcher(help).find(),
        help);
  }

  /** The default the help must show for an option, or null when it cannot be a fixed value. */
  private static String defaultShown(OptionSpec option) {
    if (option.defaultValue() != null) {
      return option.defaultValue();
    }
    boolean flag = option.type() == boolean.class || option.type() == Boolean.class;
    return flag ? "false" : null;
  }

  /**
   * The help text of one option: its line (found by any of its names) and the continuation lines
   * under it, whitespace collapsed. Fails when the option is not listed.
   */
  private static String optionText(String help, OptionSpec option) {
    List<String> lines = help.lines().toList();
    Pattern optionLine = Pattern.compile("^ {2}(-\\w, |    )-.*");
    Pattern next = Pattern.compile("^ {2}(-\\w, |    )-.*|^\\S.*|^$");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (optionLine.matcher(line).matches() && listsName(line, option)) {
        StringBuilder text = new StringBuilder(line);
        for (int j = i + 1; j < lines.size() && !next.matcher(lines.get(j)).matches(); j++) {
          text.append(' ').append(lines.get(j));
        }
        return text.toString().strip().replaceAll("\\s+", " ");
      }
    }
    throw new AssertionError(option.longestName() + " is not listed in\n" + help);
  }

  /**
   * Whether the names column of an option line ("-h, --help", "--id-field, --id-column=NAME") has
   * one of the option's names.
   */
  private static boolean listsName(String line, OptionSpec option) {
    String names = line.strip().split(" {2,}", 2)[0];
    for (String name : names.split(", ")) {
      if (Arrays.asList(option.names()).contains(name.replaceFirst("[=\\[ ].*", ""))) {
        return true;
      }
    }
    return false;
  }
}
