package org.transformpipeline.report;

import java.util.List;
import java.util.Locale;

/**
 * Small hand-drawn charts as inline SVG: horizontal grouped bars and line charts over time. No
 * scripts, no external resources; sizes in SVG user units with a {@code viewBox}, so the page
 * scales them.
 *
 * <p>Stateless, thread-safe.
 */
final class SvgCharts {

  /** Chart width in user units. */
  static final int WIDTH = 760;

  private static final int LABEL_WIDTH = 230;
  private static final int BAR_HEIGHT = 14;
  private static final int ROW_GAP = 10;

  private SvgCharts() {}

  /**
   * One bar series: a name for the legend, a fill colour, one value per row.
   *
   * @param values one per row label, same order
   */
  record Bars(String name, String colour, List<Long> values) {}

  /**
   * One line: x values (seconds) and y values, same length.
   *
   * @param dashed drawn dashed (limits, maxima)
   */
  record Line(String name, String colour, double[] x, double[] y, boolean dashed) {}

  /** Horizontal bars, one group per row label, one bar per series, each with its value. */
  static String bars(List<String> labels, List<Bars> series) {
    long max = 1;
    for (Bars s : series) {
      for (long v : s.values()) {
        max = Math.max(max, v);
      }
    }
    int group = series.size() * BAR_HEIGHT + ROW_GAP;
    int top = 24;
    int height = top + labels.size() * group + 6;
    int plot = WIDTH - LABEL_WIDTH - 90;
    StringBuilder b = open("bars", height);
    legend(
        b,
        series.stream().map(Bars::name).toList(),
        series.stream().map(Bars::colour).toList(),
        LABEL_WIDTH);
    for (int row = 0; row < labels.size(); row++) {
      int y = top + row * group;
      b.append(
          text(LABEL_WIDTH - 8, y + series.size() * BAR_HEIGHT / 2.0 + 4, "end", labels.get(row)));
      for (int k = 0; k < series.size(); k++) {
        long value = series.get(k).values().get(row);
        double w = plot * (double) value / max;
        int by = y + k * BAR_HEIGHT;
        b.append(
            String.format(
                Locale.ROOT,
                "<rect class='bar' x='%d' y='%d' width='%.1f' height='%d' fill='%s'/>",
                LABEL_WIDTH,
                by + 1,
                w,
                BAR_HEIGHT - 2,
                series.get(k).colour()));
        b.append(text(LABEL_WIDTH + w + 4, by + BAR_HEIGHT - 3, "start", count(value)));
      }
    }
    return b.append("</svg>").toString();
  }

  /**
   * A line chart over time: axes from 0 to the largest x and y (or {@code yMax} if larger), five
   * ticks on each, a legend. An empty chart (no points) says so.
   */
  static String lines(String yLabel, List<Line> lines, double yMax) {
    int height = 240;
    int left = 70;
    int right = 20;
    int top = 28;
    int bottom = 40;
    double xMax = 0;
    double yTop = yMax;
    int points = 0;
    for (Line line : lines) {
      for (int i = 0; i < line.x().length; i++) {
        xMax = Math.max(xMax, line.x()[i]);
        yTop = Math.max(yTop, line.y()[i]);
        points++;
      }
    }
    StringBuilder b = open("lines", height);
    if (points == 0) {
      b.append(text(WIDTH / 2.0, height / 2.0, "middle", "no samples"));
      return b.append("</svg>").toString();
    }
    double xStep = niceStep(xMax > 0 ? xMax : 1);
    double yStep = niceStep(yTop > 0 ? yTop : 1);
    double xEnd = Math.ceil((xMax > 0 ? xMax : 1) / xStep) * xStep;
    double yEnd = Math.ceil((yTop > 0 ? yTop : 1) / yStep) * yStep;
    int plotW = WIDTH - left - right;
    int plotH = height - top - bottom;
    legend(
        b,
        lines.stream().map(Line::name).toList(),
        lines.stream().map(Line::colour).toList(),
        left);
    for (double v = 0; v <= yEnd + yStep / 2; v += yStep) {
      double y = top + plotH - plotH * v / yEnd;
      b.append(
          String.format(
              Locale.ROOT,
              "<line class='grid' x1='%d' y1='%.1f' x2='%d' y2='%.1f'/>",
              left,
              y,
              left + plotW,
              y));
      b.append(text(left - 6, y + 4, "end", number(v)));
    }
    for (double v = 0; v <= xEnd + xStep / 2; v += xStep) {
      double x = left + plotW * v / xEnd;
      b.append(
          String.format(
              Locale.ROOT,
              "<line class='tick' x1='%.1f' y1='%d' x2='%.1f' y2='%d'/>",
              x,
              top + plotH,
              x,
              top + plotH + 4));
      b.append(text(x, top + plotH + 17, "middle", number(v)));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<line class='axis' x1='%d' y1='%d' x2='%d' y2='%d'/>",
            left,
            top + plotH,
            left + plotW,
            top + plotH));
    b.append(
        String.format(
            Locale.ROOT,
            "<line class='axis' x1='%d' y1='%d' x2='%d' y2='%d'/>",
            left,
            top,
            left,
            top + plotH));
    b.append(text(left + plotW / 2.0, height - 6, "middle", "seconds since start"));
    b.append(
        String.format(
            Locale.ROOT,
            "<text class='label' transform='translate(14 %.1f) rotate(-90)' text-anchor='middle'>%s"
                + "</text>",
            top + plotH / 2.0,
            RunReport.escape(yLabel)));
    for (Line line : lines) {
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < line.x().length; i++) {
        pts.append(
            String.format(
                Locale.ROOT,
                "%.1f,%.1f ",
                left + plotW * line.x()[i] / xEnd,
                top + plotH - plotH * line.y()[i] / yEnd));
      }
      b.append(
          String.format(
              Locale.ROOT,
              "<polyline class='series' fill='none' stroke='%s' stroke-width='1.6'%s points='%s'/>",
              line.colour(),
              line.dashed() ? " stroke-dasharray='6 4'" : "",
              pts.toString().strip()));
    }
    return b.append("</svg>").toString();
  }

  /** A step of 1, 2 or 5 times a power of ten giving about five ticks up to {@code max}. */
  static double niceStep(double max) {
    double raw = max / 5;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * power >= raw) {
        return m * power;
      }
    }
    return 10 * power;
  }

  /** A whole count with thousands separators: {@code 1,234,567}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A tick value: whole numbers with separators, else up to two decimals. */
  static String number(double v) {
    if (Math.abs(v - Math.rint(v)) < 1e-9) {
      return count(Math.round(v));
    }
    return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
  }

  private static StringBuilder open(String kind, int height) {
    return new StringBuilder(
        String.format(
            Locale.ROOT,
            "<svg class='chart %s' xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d'"
                + " width='%d' height='%d' role='img'>",
            kind,
            WIDTH,
            height,
            WIDTH,
            height));
  }

  private static void legend(StringBuilder b, List<String> names, List<String> colours, int x) {
    int at = x;
    for (int i = 0; i < names.size(); i++) {
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x='%d' y='6' width='12' height='12' fill='%s'/>",
              at,
              colours.get(i)));
      b.append(text(at + 16, 16, "start", names.get(i)));
      at += 28 + 7 * names.get(i).length();
    }
  }

  private static String text(double x, double y, String anchor, String content) {
    return String.format(
        Locale.ROOT,
        "<text class='label' x='%.1f' y='%.1f' text-anchor='%s'>%s</text>",
        x,
        y,
        anchor,
        RunReport.escape(content));
  }
}
