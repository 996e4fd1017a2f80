package org.transformpipeline.pipeline;

import java.util.Locale;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A live progress bar on an interactive terminal (stderr): rows done of the total, rate, ETA, and
 * products, unique products, heap and batches in flight. Drawn by the progressbar library, which
 * redraws the line in place; closed when the last batch is written.
 *
 * <p>Thread-safe as far as the library is; fed by the consumer thread.
 */
final class TerminalProgressBar implements Consumer<ProgressReporter.Progress> {

  private final ProgressBar bar;

  TerminalProgressBar(long totalRows) {
    this.bar =
        new ProgressBarBuilder()
            .setTaskName("apply")
            .setInitialMax(Math.max(totalRows, 0))
            .setUnit(" rows", 1)
            .showSpeed()
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(500)
            .setMaxRenderedLength(150)
            .build();
  }

  @Override
  public void accept(ProgressReporter.Progress p) {
    bar.stepTo(p.rowsProcessed());
    bar.setExtraMessage(extra(p));
    if (p.totalBatches() > 0 && p.batchesWritten() >= p.totalBatches()) {
      bar.close();
    }
  }

  /** The text after the bar: products, unique products, heap and batches in flight. */
  static String extra(ProgressReporter.Progress p) {
    return String.format(
        Locale.ROOT,
        " | products %,d | unique %,d | heap %d/%d MiB | in-flight %d/%d",
        p.productsGenerated(),
        p.productsWritten(),
        p.heapUsedBytes() >> 20,
        p.heapMaxBytes() >> 20,
        p.inFlight(),
        p.maxInFlight());
  }
}
