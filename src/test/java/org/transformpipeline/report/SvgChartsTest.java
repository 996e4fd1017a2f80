package org.transformpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SvgChartsTest {

  @ParameterizedTest(name = "max {0}: step {1}")
  @CsvSource({"10, 2", "7, 2", "1, 0.2", "2.5, 0.5", "24, 5", "1000000, 200000", "3, 1"})
  void ticksStepByOneTwoOrFiveTimesAPowerOfTen(double max, double step) {
    assertEquals(step, SvgCharts.niceStep(max), 1e-12);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {"0|0", "1234567|1,234,567", "0.5|0.5", "0.25|0.25"})
  void numbersAreWrittenPlainly(double value, String text) {
    assertEquals(text, SvgCharts.number(value));
  }

  @Test
  void barsAreAsLongAsTheirValueAndLabelled() {
    String svg =
        SvgCharts.bars(
            List.of("a", "b"), List.of(new SvgCharts.Bars("made", "#111111", List.of(100L, 50L))));

    // the longest bar spans the plot (760 - 230 - 90 = 440 units), the other half of it
    assertTrue(svg.contains("width='440.0' height='12' fill='#111111'"), svg);
    assertTrue(svg.contains("width='220.0' height='12' fill='#111111'"), svg);
    assertTrue(svg.contains(">100</text>") && svg.contains(">50</text>"), svg);
  }

  @Test
  void aLineChartWithoutPointsSaysSo() {
    String svg =
        SvgCharts.lines(
            "MB",
            List.of(new SvgCharts.Line("heap", "#000000", new double[0], new double[0], false)),
            0);

    assertTrue(svg.contains(">no samples</text>"), svg);
    assertTrue(!svg.contains("<polyline"), svg);
  }
}
