package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class CompletionCommandTest {

  @TempDir Path dir;

  static CliRuns.Run run(String... args) {
    return CliRuns.run(args);
  }

  @Test
  void scriptHasAFunctionForEverySubcommandAndListsTheirOptions() {
    CliRuns.Run run = run("completion");
    assertEquals(0, run.exit(), run.err());
    String script = run.out();
    assertTrue(script.contains("\ncomplete -F _complete_transform.jar "), script);
    List<String> functions = new ArrayList<>();
    collect(TransformCli.commandLine(), "_picocli_transform.jar", functions);
    assertTrue(functions.size() >= 8, functions.toString());
    for (String function : functions) {
      assertTrue(script.contains("\nfunction " + function + "() {"), function);
    }
    for (String option :
        List.of("'--max-in-flight'", "'--only'", "'--samples'", "'--limit'", "'--command-name'")) {
      assertTrue(script.contains(option), option);
    }
  }

  /** The script's function name for each command: the root's, then "_" and each name on. */
  private static void collect(CommandLine command, String function, List<String> functions) {
    functions.add(function);
    command.getSubcommands().forEach((name, sub) -> collect(sub, function + "_" + name, functions));
  }

  @ParameterizedTest(name = "[{0}<TAB>] -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "transform.jar ap               | apply",
        "transform.jar comp             | completion",
        "transform.jar transforms c     | check",
        "transform.jar apply --max-in   | --max-in-flight",
        "transform.jar apply --nope     | ",
        "transform.jar report --sa      | --samples",
        "transform.jar convert --format | auto smi csv tsv",
        "transform.jar transforms check --lim | --limit"
      })
  void bashCompletesCommandsOptionsAndValues(String line, String expected) throws Exception {
    Path script = dir.resolve("transform_completion.bash");
    Files.writeString(script, run("completion").out());
    String typed = line.endsWith("--format") ? line + " " : line;
    List<String> replies = bashComplete(script, "_complete_transform.jar", typed);
    if (expected == null) {
      assertEquals(List.of(), replies, "no option starts with the word");
    } else {
      assertTrue(replies.containsAll(Arrays.asList(expected.split(" "))), replies.toString());
      if (!expected.contains(" ")) {
        assertEquals(List.of(expected), replies);
      }
    }
  }

  @Test
  void commandNameNamesTheCompletedCommand() throws Exception {
    CliRuns.Run run = run("completion", "--command-name", "tp");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("\ncomplete -F _complete_tp -o default tp "), run.out());
    Path script = Files.writeString(dir.resolve("tp.bash"), run.out());
    assertEquals(List.of("report"), bashComplete(script, "_complete_tp", "tp rep"));
  }

  @Test
  void aCommandNameTheShellCannotUseIsAUsageError() {
    CliRuns.Run run = run("completion", "--command-name", "java -jar x.jar");
    assertEquals(2, run.exit());
    assertEquals(
        "error: --command-name must be letters, digits and . _ + - (a shell command name), not"
            + " 'java -jar x.jar'",
        run.err().lines().findFirst().orElse(""));
    assertEquals("", run.out());
  }

  /**
   * What bash offers for the command line typed so far (a trailing space starts a new word): the
   * script is sourced and its entry function called as readline would, with COMP_WORDS, COMP_CWORD
   * and COMP_LINE set.
   */
  private static List<String> bashComplete(Path script, String function, String typed)
      throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed");
    List<String> words = new ArrayList<>(Arrays.asList(typed.split(" ")));
    if (typed.endsWith(" ")) {
      words.add("");
    }
    String program =
        "source \"$1\"; COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE}; shift 2;"
            + " COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 ));"
            + function
            + " 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
    List<String> command = new ArrayList<>(List.of("/bin/bash", "-c", program, "bash"));
    command.add(script.toString());
    command.add(typed);
    command.addAll(words);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(1, TimeUnit.MINUTES), "bash finished");
    assertEquals(0, process.exitValue(), output);
    return output.lines().filter(l -> !l.isEmpty()).map(String::strip).collect(Collectors.toList());
  }
}
