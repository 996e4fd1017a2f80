package org.transformpipeline.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transformpipeline.pipeline.dedup.Deduplicator;

/**
 * The counts, dedup statistics and performance of one pipeline run: a {@link RunSummary} without
 * the input, output and settings (which the command knows), and the run's timeline.
 */
public record RunTotals(
    RunSummary.RowCounts rows,
    RunSummary.ProductCounts products,
    Map<String, RunSummary.TransformCounts> transforms,
    RunSummary.DedupStats dedup,
    RunSummary.Performance performance,
    List<RowRejection> rejectedExamples,
    List<RunTimeline.Sample> timeline) {

  /**
   * The totals of a generation an interrupted run finished, from its checkpoint: its counts, no
   * timings.
   */
  public static RunTotals of(RunCheckpoint checkpoint, Deduplicator dedup) {
    return new RunTotals(
        checkpoint.rows(),
        checkpoint.products(),
        checkpoint.transforms(),
        new RunSummary.DedupStats(
            dedup.mode(), dedup.describe(), dedup.memoryBytes(), dedup.expectedFalseDrops()),
        new RunSummary.Performance(0, 0, 0, 0, 0, 0, 0, 0, Runtime.getRuntime().maxMemory(), 0, 0),
        checkpoint.rejectedExamples(),
        List.of());
  }

  /**
   * The totals of a run of several generations: the rows are generation 1's (the input rows); the
   * products, per-transform counts, worker and consumer times and elapsed time are sums; peaks and
   * in-flight highs are maxima; the dedup statistics are the last generation's (one deduplicator
   * serves the run); the timelines follow each other, each generation's times after the one before.
   */
  public static RunTotals ofGenerations(List<RunTotals> generations) {
    RunTotals first = generations.get(0);
    RunSummary.ProductCounts products = first.products();
    Map<String, long[]> byTransform = new LinkedHashMap<>();
    List<RowRejection> examples = new ArrayList<>();
    List<RunTimeline.Sample> timeline = new ArrayList<>();
    double elapsed = 0;
    double busy = 0;
    double waiting = 0;
    double workers = 0;
    double held = 0;
    int maxInFlight = 0;
    int maxHeld = 0;
    long peakHeap = 0;
    long peakPool = 0;
    for (RunTotals g : generations) {
      if (g != first) {
        products = products.plus(g.products());
      }
      g.transforms()
          .forEach(
              (name, c) -> {
                long[] sum = byTransform.computeIfAbsent(name, n -> new long[2]);
                sum[0] += c.generated();
                sum[1] += c.written();
              });
      for (RowRejection r : g.rejectedExamples()) {
        if (examples.size() < RunTally.MAX_REJECTED_EXAMPLES) {
          examples.add(r);
        }
      }
      for (RunTimeline.Sample s : g.timeline()) {
        timeline.add(
            new RunTimeline.Sample(
                elapsed + s.seconds(),
                s.rows(),
                s.productsGenerated(),
                s.productsWritten(),
                s.heapUsedMb(),
                s.inFlight()));
      }
      RunSummary.Performance p = g.performance();
      elapsed += p.elapsedSeconds();
      busy += p.consumerBusySeconds();
      waiting += p.consumerWaitSeconds();
      workers += p.workerSeconds();
      held += p.reorderHeldSeconds();
      maxInFlight = Math.max(maxInFlight, p.maxInFlightObserved());
      maxHeld = Math.max(maxHeld, p.maxReorderHeld());
      peakHeap = Math.max(peakHeap, p.peakHeapUsedBytes());
      peakPool = Math.max(peakPool, p.peakHeapPoolBytes());
    }
    Map<String, RunSummary.TransformCounts> transforms = new LinkedHashMap<>();
    byTransform.forEach((n, c) -> transforms.put(n, new RunSummary.TransformCounts(c[0], c[1])));
    RunTotals last = generations.get(generations.size() - 1);
    long rowsRead = generations.stream().mapToLong(g -> g.rows().read()).sum();
    RunSummary.Performance performance =
        new RunSummary.Performance(
            elapsed,
            elapsed > 0 ? rowsRead / elapsed : 0,
            maxInFlight,
            busy,
            waiting,
            workers,
            peakHeap,
            peakPool,
            last.performance().heapMaxBytes(),
            held,
            maxHeld);
    return new RunTotals(
        first.rows(), products, transforms, last.dedup(), performance, examples, timeline);
  }
}
