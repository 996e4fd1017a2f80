package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.testing.Ci;

/**
 * Opens a real run report in headless Chromium and checks the screenshot is a rendered page, not a
 * blank one. Skipped when {@code /usr/bin/chromium} is absent, outside CI (in CI, a failure)
 * ({@code scripts/install-chromium.sh} installs it). Leaves the screenshot at {@code
 * target/report-screenshot.png} to look at.
 */
@Tag("browser")
class ReportScreenshotTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOT = Path.of("target/report-screenshot.png");

  @TempDir Path dir;

  @Test
  void chromiumRendersTheReportWithChartsAndMolecules() throws Exception {
    if (!Files.isExecutable(CHROMIUM) && Ci.isSet()) {
      throw new AssertionError(CHROMIUM + " not found, and CI is set: .ci/run installs it");
    }
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "SKIPPED: " + CHROMIUM + " not found; run scripts/install-chromium.sh to install it");
    Path library = Libraries.smiToParquet(Libraries.NCI_5K, 400, dir.resolve("lib.parquet"));
    Path products = dir.resolve("products.parquet");
    Path html = dir.resolve("report.html");
    StringWriter err = new StringWriter();
    int exit =
        TransformCli.run(
            new String[] {
              "apply",
              "--input",
              library.toString(),
              "--output",
              products.toString(),
              "--quiet",
              "--workers",
              "2",
              "--batch-size",
              "25",
              "--report",
              html.toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, exit, err.toString());

    Path png = dir.resolve("report.png");
    screenshot(html, png);
    Files.createDirectories(SCREENSHOT.getParent());
    Files.copy(png, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    BufferedImage image = ImageIO.read(png.toFile());

    assertEquals(1280, image.getWidth());
    assertEquals(2000, image.getHeight());
    Set<Integer> colours = new HashSet<>();
    long notWhite = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        if (rgb != 0xFFFFFF) {
          notWhite++;
        }
      }
    }
    // text, tables and coloured charts: hundreds of anti-aliased shades; a blank page has 1
    assertTrue(colours.size() > 200, colours.size() + " distinct colours");
    double inked = (double) notWhite / (image.getWidth() * image.getHeight());
    assertTrue(inked > 0.03 && inked < 0.9, "share of non-white pixels " + inked);
    assertTrue(
        colours.contains(0x4E79A7) && colours.contains(0x59A14F),
        "the bar colours of the per-transform chart are on screen");
  }

  private void screenshot(Path html, Path png) throws IOException, InterruptedException {
    List<String> command =
        List.of(
            CHROMIUM.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + dir.resolve("chromium-profile"),
            "--screenshot=" + png,
            "--window-size=1280,2000",
            html.toUri().toString());
    File log = dir.resolve("chromium.log").toFile();
    Process chromium =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    if (!chromium.waitFor(3, TimeUnit.MINUTES)) {
      chromium.destroyForcibly();
      throw new AssertionError(
          "chromium did not finish within 3 minutes; log:\n" + Files.readString(log.toPath()));
    }
    assertEquals(0, chromium.exitValue(), Files.readString(log.toPath()));
    assertTrue(Files.exists(png), "no screenshot; log:\n" + Files.readString(log.toPath()));
  }
}
