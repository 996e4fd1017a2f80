package org.transformpipeline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

  private static ProgressReporter.Progress batch(long i, long of) {
    return new ProgressReporter.Progress(
        i, of, 3, 8, i * 1000, i * 50, i * 20, i * 0.5, 512L << 20, 4096L << 20);
  }

  @Test
  void formatsTheProgressLine() {
    assertEquals(
        "[Batch 4/10] In-flight 3/8 | Processed 4000 | Products 200 | Unique 80 | 2000 rows/s"
            + " | heap 512/4096 MiB",
        ProgressReporter.line(batch(4, 10)));
  }

  @Test
  void reportsEveryKthBatchAndTheLastOneUnlessQuiet() {
    List<String> lines = new ArrayList<>();
    ProgressReporter every3 =
        new ProgressReporter(false, 3, new MemoryWatch(() -> 0, () -> 1), lines::add, s -> {});
    for (int i = 1; i <= 7; i++) {
      every3.batchWritten(batch(i, 7));
    }
    assertEquals(
        List.of("[Batch 3/7]", "[Batch 6/7]", "[Batch 7/7]"),
        lines.stream().map(l -> l.substring(0, l.indexOf(']') + 1)).toList());

    List<String> quietLines = new ArrayList<>();
    ProgressReporter quiet =
        new ProgressReporter(true, 1, new MemoryWatch(() -> 0, () -> 1), quietLines::add, s -> {});
    quiet.batchWritten(batch(1, 1));
    assertEquals(List.of(), quietLines);
  }

  @Test
  void warnsOncePerCrossingOfTheHeapAndSystemThresholds() {
    AtomicReference<Double> heap = new AtomicReference<>(0.5);
    AtomicReference<Double> available = new AtomicReference<>(0.5);
    List<String> warnings = new ArrayList<>();
    ProgressReporter reporter =
        new ProgressReporter(
            true, 1, new MemoryWatch(heap::get, available::get), s -> {}, warnings::add);

    double[][] steps = {
      {0.5, 0.5}, {0.9, 0.5}, {0.95, 0.5}, {0.8, 0.05}, {0.86, 0.04}, {0.86, 0.2}, {0.5, 0.09}
    };
    List<Integer> warningsAfterStep = new ArrayList<>();
    for (double[] step : steps) {
      heap.set(step[0]);
      available.set(step[1]);
      reporter.batchWritten(batch(1, 1));
      warningsAfterStep.add(warnings.size());
    }

    assertEquals(List.of(0, 1, 1, 2, 3, 3, 4), warningsAfterStep);
    assertEquals(
        "heap use is 90% of the maximum heap (above 85%): lower --max-in-flight or --batch-size,"
            + " or raise -Xmx",
        warnings.get(0));
    assertEquals(
        "system available memory is 5.0% of the total (below 10%): the machine may start"
            + " swapping; lower -Xmx or stop other programs",
        warnings.get(1));
  }

  @Test
  void readsAvailableMemoryFromMeminfo() {
    assertEquals(
        0.25,
        MemoryWatch.parseMeminfo(
            List.of("MemTotal:  1000 kB", "MemFree: 10 kB", "MemAvailable:   250 kB")));
    assertEquals(Double.NaN, MemoryWatch.parseMeminfo(List.of("MemTotal: 1000 kB")));
  }
}
