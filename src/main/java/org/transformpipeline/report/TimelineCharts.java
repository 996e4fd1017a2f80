package org.transformpipeline.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.RunTimeline;

/**
 * The "over time" section of the report, from the summary's timeline: rows and products per second,
 * heap in use, and batches in flight against the bound. A rate is the mean over the interval since
 * the previous point of the rate chart. Stateless, thread-safe.
 */
final class TimelineCharts {

  /** Points of the rate chart, at most (about). */
  static final int RATE_POINTS = 100;

  private TimelineCharts() {}

  static void section(StringBuilder b, RunSummary s) {
    b.append("<section id='timeline'><h2>Over time</h2>");
    List<RunTimeline.Sample> samples = s.timeline();
    if (samples == null || samples.isEmpty()) {
      b.append(
          "<p>The summary has no timeline (no batch was written, or it was written by an"
              + " older version of the tool).</p></section>\n");
      return;
    }
    b.append("<p class='sub'>")
        .append(samples.size())
        .append(" samples, one per written batch (evenly thinned on long runs).</p>");
    b.append("<h3>Rate</h3>").append(rate(samples));
    long heapMaxMb = s.performance() == null ? 0 : s.performance().heapMaxBytes() >> 20;
    long peak = samples.stream().mapToLong(RunTimeline.Sample::heapUsedMb).max().orElse(0);
    b.append("<h3>Heap in use</h3>")
        .append(
            SvgCharts.lines(
                "MB",
                List.of(
                    line(
                        "heap used (MB, sampled after each batch)",
                        RunReport.GENERATED,
                        samples,
                        x -> (double) x.heapUsedMb())),
                0));
    b.append(
        String.format(
            Locale.ROOT,
            "<p class='sub'>Peak sampled %d MB of a %d MB maximum heap (-Xmx).</p>",
            peak,
            heapMaxMb));
    b.append("<h3>Batches in flight</h3>");
    List<SvgCharts.Line> inFlight = new ArrayList<>();
    inFlight.add(
        line(
            "batches read but not yet written",
            RunReport.WRITTEN,
            samples,
            x -> (double) x.inFlight()));
    int bound = s.settings() == null ? 0 : s.settings().maxInFlight();
    if (bound > 0) {
      double end = samples.get(samples.size() - 1).seconds();
      inFlight.add(
          new SvgCharts.Line(
              "--max-in-flight " + bound,
              RunReport.REJECTED,
              new double[] {0, end},
              new double[] {bound, bound},
              true));
    }
    b.append(SvgCharts.lines("batches", inFlight, bound));
    b.append("</section>\n");
  }

  /**
   * Rows and products written per second, each point the mean since the previous point, points at
   * least 1/{@value #RATE_POINTS} of the run apart (batches can be milliseconds apart).
   */
  private static String rate(List<RunTimeline.Sample> samples) {
    int n = samples.size();
    double minGap = samples.get(n - 1).seconds() / RATE_POINTS;
    double[] x = new double[n];
    double[] rows = new double[n];
    double[] written = new double[n];
    int k = 0;
    double t0 = 0;
    long rows0 = 0;
    long written0 = 0;
    for (int i = 0; i < n; i++) {
      RunTimeline.Sample s = samples.get(i);
      double dt = s.seconds() - t0;
      if (dt > 0 && (dt >= minGap || (i == n - 1 && k == 0))) {
        x[k] = s.seconds();
        rows[k] = (s.rows() - rows0) / dt;
        written[k] = (s.productsWritten() - written0) / dt;
        k++;
        t0 = s.seconds();
        rows0 = s.rows();
        written0 = s.productsWritten();
      }
    }
    return SvgCharts.lines(
        "per second",
        List.of(
            new SvgCharts.Line(
                "input rows / s",
                RunReport.GENERATED,
                Arrays.copyOf(x, k),
                Arrays.copyOf(rows, k),
                false),
            new SvgCharts.Line(
                "products written / s",
                RunReport.WRITTEN,
                Arrays.copyOf(x, k),
                Arrays.copyOf(written, k),
                false)),
        0);
  }

  private static SvgCharts.Line line(
      String name,
      String colour,
      List<RunTimeline.Sample> samples,
      ToDoubleFunction<RunTimeline.Sample> y) {
    return new SvgCharts.Line(
        name,
        colour,
        samples.stream().mapToDouble(RunTimeline.Sample::seconds).toArray(),
        samples.stream().mapToDouble(y).toArray(),
        false);
  }
}
