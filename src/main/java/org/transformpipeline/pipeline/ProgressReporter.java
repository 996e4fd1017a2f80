package org.transformpipeline.pipeline;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reports the run's progress after each written batch: one line every {@code every} batches (and
 * always for the last one) unless quiet, and the {@link MemoryWatch} warnings, which quiet does not
 * suppress.
 *
 * <p>The line: {@code [Batch i/N] In-flight x/y | Processed n | Products p | Unique u | r rows/s |
 * heap used/max MiB}, where N = ceil(input rows / batch size), x the batches submitted and not yet
 * written, y the bound, p the valid products made and u those written.
 *
 * <p>Not thread-safe: called by the consumer thread.
 */
public final class ProgressReporter {

  /** A snapshot of the run after a batch was written. */
  public record Progress(
      long batchesWritten,
      long totalBatches,
      int inFlight,
      int maxInFlight,
      long rowsProcessed,
      long productsGenerated,
      long productsWritten,
      double elapsedSeconds,
      long heapUsedBytes,
      long heapMaxBytes) {}

  private final boolean quiet;
  private final int every;
  private final MemoryWatch memoryWatch;
  private final Consumer<String> info;
  private final Consumer<String> warn;
  private final Consumer<Progress> display;

  /**
   * @param quiet no progress lines (warnings still go out)
   * @param every a line every this many batches (at least 1)
   * @param info where progress lines go (the log at INFO in a run)
   * @param warn where memory warnings go (the log at WARN in a run)
   */
  public ProgressReporter(
      boolean quiet,
      int every,
      MemoryWatch memoryWatch,
      Consumer<String> info,
      Consumer<String> warn) {
    this(quiet, every, memoryWatch, info, warn, null);
  }

  private ProgressReporter(
      boolean quiet,
      int every,
      MemoryWatch memoryWatch,
      Consumer<String> info,
      Consumer<String> warn,
      Consumer<Progress> display) {
    if (every < 1) {
      throw new IllegalArgumentException("progress interval must be >= 1, got " + every);
    }
    this.quiet = quiet;
    this.every = every;
    this.memoryWatch = memoryWatch;
    this.info = info;
    this.warn = warn;
    this.display = display;
  }

  /**
   * Progress for a run from the command line: a live bar when a person watches an interactive
   * terminal, the plain log lines otherwise (CI, output redirected to a file or a pipe), nothing
   * but warnings when quiet.
   *
   * @param totalRows rows in the input (for the bar's total and ETA)
   */
  public static ProgressReporter forCommandLine(
      boolean quiet, int every, long totalRows, Consumer<String> info, Consumer<String> warn) {
    boolean interactive = System.console() != null && System.getenv("CI") == null;
    return new ProgressReporter(
        quiet,
        every,
        MemoryWatch.ofThisMachine(),
        info,
        warn,
        interactive && !quiet ? new TerminalProgressBar(totalRows) : null);
  }

  /** Reports one written batch. */
  public void batchWritten(Progress p) {
    boolean last = p.totalBatches() > 0 && p.batchesWritten() == p.totalBatches();
    if (display != null) {
      display.accept(p);
    } else if (!quiet && (p.batchesWritten() % every == 0 || last)) {
      info.accept(line(p));
    }
    memoryWatch.check().forEach(warn);
  }

  /** The progress line for a snapshot. */
  public static String line(Progress p) {
    double rate = p.elapsedSeconds() > 0 ? p.rowsProcessed() / p.elapsedSeconds() : 0;
    return String.format(
        Locale.ROOT,
        "[Batch %d/%s] In-flight %d/%d | Processed %d | Products %d | Unique %d | %.0f rows/s"
            + " | heap %d/%d MiB",
        p.batchesWritten(),
        p.totalBatches() < 0 ? "?" : Long.toString(p.totalBatches()),
        p.inFlight(),
        p.maxInFlight(),
        p.rowsProcessed(),
        p.productsGenerated(),
        p.productsWritten(),
        rate,
        p.heapUsedBytes() >> 20,
        p.heapMaxBytes() >> 20);
  }
}
