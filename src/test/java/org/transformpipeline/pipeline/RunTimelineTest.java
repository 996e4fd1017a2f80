package org.transformpipeline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transformpipeline.pipeline.dedup.DedupMode;

class RunTimelineTest {

  /** A sample whose row count is the batch number, so the kept batches can be read back. */
  private static RunTimeline.Sample batch(long k) {
    return new RunTimeline.Sample(k / 10.0, k, 3 * k, 2 * k, 100, 1);
  }

  private static List<Long> keptBatches(int capacity, int batches) {
    RunTimeline timeline = new RunTimeline(capacity);
    for (long k = 0; k < batches; k++) {
      timeline.add(batch(k));
    }
    return timeline.samples().stream().map(RunTimeline.Sample::rows).toList();
  }

  @Test
  void keepsEveryBatchWhileUnderCapacity() {
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), keptBatches(8, 5));
    assertEquals(List.of(), keptBatches(8, 0));
  }

  @Test
  void thinsToEveryOtherBatchWhenFullAndKeepsTheLast() {
    // 9 samples > capacity 8: batches 0, 2, 4, 6, 8 remain; then every second batch, and the last
    assertEquals(List.of(0L, 2L, 4L, 6L, 8L), keptBatches(8, 9));
    assertEquals(List.of(0L, 2L, 4L, 6L, 8L, 9L), keptBatches(8, 10));
    assertEquals(List.of(0L, 2L, 4L, 6L, 8L, 10L, 12L, 14L, 15L), keptBatches(8, 16));
  }

  @ParameterizedTest(name = "capacity {0}, {1} batches")
  @CsvSource({"8, 17", "8, 1000", "2000, 2001", "2000, 100000", "2000, 1234567"})
  void staysWithinCapacityEvenlySpacedFromFirstToLastBatch(int capacity, int batches) {
    List<Long> kept = keptBatches(capacity, batches);

    assertTrue(kept.size() <= capacity + 1, kept.size() + " samples");
    assertTrue(kept.size() > capacity / 2, kept.size() + " samples");
    assertEquals(0L, kept.get(0));
    assertEquals(batches - 1L, kept.get(kept.size() - 1));
    long stride = kept.get(1) - kept.get(0);
    for (int i = 1; i < kept.size() - 1; i++) {
      assertEquals(stride, kept.get(i) - kept.get(i - 1), "gap before sample " + i);
    }
  }

  @Test
  void pipelineRecordsOneSamplePerBatchEndingAtTheTotals() {
    Pipeline pipeline =
        new Pipeline(
            new Fakes.ListSource(Fakes.numberedRows(95), 10),
            new TransformWorker(() -> Fakes::enumerate),
            DedupMode.EXACT.create(1000, 1e-6),
            new Fakes.RecordingSink(),
            new Pipeline.Settings(2, 3, 10),
            Fakes.silentProgress());
    RunTotals totals = pipeline.run();
    List<RunTimeline.Sample> timeline = totals.timeline();

    assertEquals(10, timeline.size());
    assertEquals(
        List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 95L),
        timeline.stream().map(RunTimeline.Sample::rows).toList());
    RunTimeline.Sample last = timeline.get(timeline.size() - 1);
    assertEquals(totals.products().generated(), last.productsGenerated());
    assertEquals(totals.products().written(), last.productsWritten());
    assertEquals(0, last.inFlight());
    for (int i = 1; i < timeline.size(); i++) {
      assertTrue(timeline.get(i).seconds() >= timeline.get(i - 1).seconds());
      assertTrue(timeline.get(i).productsWritten() >= timeline.get(i - 1).productsWritten());
    }
    assertTrue(timeline.stream().allMatch(s -> s.inFlight() >= 0 && s.inFlight() < 3));
    assertTrue(timeline.stream().allMatch(s -> s.heapUsedMb() > 0));
  }

  @Test
  void summaryJsonCarriesTheTimeline(@TempDir Path dir) throws Exception {
    RunTotals totals =
        new Pipeline(
                new Fakes.ListSource(Fakes.numberedRows(30), 10),
                new TransformWorker(() -> Fakes::enumerate),
                DedupMode.EXACT.create(1000, 1e-6),
                new Fakes.RecordingSink(),
                new Pipeline.Settings(1, 2, 10),
                Fakes.silentProgress())
            .run();
    Path json = dir.resolve("out.parquet.summary.json");
    SummaryReport.writeJson(RunSummary.of("in", "out", null, totals), json);

    assertEquals(totals.timeline(), SummaryReport.readJson(json).timeline());
  }
}
