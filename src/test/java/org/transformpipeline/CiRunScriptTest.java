package org.transformpipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .ci/run} installs the tools the tests need and fails the run in CI when it cannot, rather
 * than letting the tests that need them skip: run on a copy of the script with stubs for {@code
 * scripts/install-chromium.sh}, {@code apt-get} and {@code mvn} that log their calls.
 */
class CiRunScriptTest {

  @TempDir Path dir;
  private Path bin;
  private Path log;

  private record Outcome(int exit, String err, List<String> calls) {}

  private static void script(Path file, String body) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/bash\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @BeforeEach
  void sandbox() throws IOException {
    Path root = dir.resolve("repo");
    Files.createDirectories(root.resolve(".ci"));
    Files.copy(Path.of(".ci/run"), root.resolve(".ci/run"));
    script(
        root.resolve("scripts/install-chromium.sh"),
        "echo install-chromium >> \"$LOG\"; exit \"$CHROMIUM_EXIT\"");
    bin = Files.createDirectories(dir.resolve("bin"));
    log = dir.resolve("calls.log");
    for (String tool : List.of("bash", "env", "id", "dirname")) {
      for (String where : List.of("/usr/bin/", "/bin/")) {
        if (Files.isExecutable(Path.of(where + tool))) {
          Files.createSymbolicLink(bin.resolve(tool), Path.of(where + tool));
          break;
        }
      }
    }
    script(bin.resolve("mvn"), "echo \"mvn $*\" >> \"$LOG\"");
    script(bin.resolve("apt-get"), "echo \"apt-get $*\" >> \"$LOG\"; exit \"$APT_EXIT\"");
    script(bin.resolve("sudo"), "exec \"$@\"");
  }

  private Outcome run(Map<String, String> env) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("/bin/bash", dir.resolve("repo/.ci/run").toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    builder.environment().put("PATH", bin.toString());
    builder.environment().put("LOG", log.toString());
    builder.environment().put("CHROMIUM_EXIT", "0");
    builder.environment().put("APT_EXIT", "0");
    builder.environment().putAll(env);
    Process process = builder.start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return new Outcome(exit, err, calls);
  }

  private void jqInstalled() throws IOException {
    script(bin.resolve("jq"), "exit 0");
  }

  @Test
  void inCiAFailedChromiumInstallFailsTheRunBeforeTheTests() throws Exception {
    jqInstalled();
    Outcome o = run(Map.of("CI", "true", "CHROMIUM_EXIT", "1"));

    assertEquals(1, o.exit(), o.err());
    assertEquals(List.of("install-chromium"), o.calls());
    assertTrue(
        o.err().contains("chromium could not be installed and CI=true: ReportScreenshotTest"),
        o.err());
  }

  @Test
  void outsideCiAFailedChromiumInstallIsAWarningAndTheTestsRun() throws Exception {
    jqInstalled();
    Outcome o = run(Map.of("CHROMIUM_EXIT", "1"));

    assertEquals(0, o.exit(), o.err());
    assertEquals(List.of("install-chromium", "mvn -B verify"), o.calls());
    assertTrue(
        o.err().contains("chromium not installed: ReportScreenshotTest will be skipped"), o.err());
  }

  @Test
  void aMissingJqIsInstalledWithAptGet() throws Exception {
    Outcome o = run(Map.of("CI", "true"));

    assertEquals(0, o.exit(), o.err());
    assertEquals(
        List.of(
            "apt-get update -q", "apt-get install -y -q jq", "install-chromium", "mvn -B verify"),
        o.calls());
  }

  @Test
  void inCiAFailedJqInstallFailsTheRun() throws Exception {
    Outcome o = run(Map.of("CI", "1", "APT_EXIT", "100"));

    assertEquals(1, o.exit(), o.err());
    assertEquals(List.of("apt-get update -q"), o.calls());
    assertTrue(o.err().contains("jq could not be installed and CI=1"), o.err());
  }

  @Test
  void withEverythingInstalledItRunsTheBuild() throws Exception {
    jqInstalled();
    Outcome o = run(Map.of("CI", "true"));

    assertEquals(0, o.exit(), o.err());
    assertEquals(List.of("install-chromium", "mvn -B verify"), o.calls());
  }
}
