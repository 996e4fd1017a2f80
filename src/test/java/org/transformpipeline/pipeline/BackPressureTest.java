package org.transformpipeline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.transformpipeline.chem.ParentOutcome;
import org.transformpipeline.chem.Product;
import org.transformpipeline.pipeline.dedup.DedupMode;

/** The in-flight bound follows the live heap: lowered when it fills, raised when it empties. */
class BackPressureTest {

  @Test
  void permitsHalveWhenTheHeapFillsAndComeBackOneByOneWhenItEmpties() throws Exception {
    double[] heap = {0.9};
    InFlightLimit limit = new InFlightLimit(8, () -> heap[0]);
    limit.acquire();
    limit.acquire(); // two batches out

    List<Integer> limits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      limit.adapt();
      limits.add(limit.limit());
    }
    assertEquals(List.of(4, 2, 1, 1, 1), limits);
    assertEquals(-1, limit.available(), "2 out against a limit of 1");
    limit.release();
    limit.release();
    assertEquals(1, limit.available());

    heap[0] = 0.55; // between the thresholds: no change
    assertNull(limit.adapt());
    heap[0] = 0.2;
    String line = limit.adapt();
    assertTrue(line.contains("raising") && line.contains("from 1 to 2"), line);
    while (limit.limit() < 8) {
      limit.adapt();
    }
    assertNull(limit.adapt(), "never above the configured bound");
    assertEquals(8, limit.available());
    assertEquals(1, limit.lowest());
    assertEquals(10, limit.changes());
  }

  @Test
  void aFullHeapBringsTheRunDownToOneBatchInFlightAndTheOutputIsUnchanged() {
    int rows = 60;
    AtomicInteger returned = new AtomicInteger();
    AtomicInteger lateMax = new AtomicInteger();
    Fakes.RecordingSink sink = new Fakes.RecordingSink();
    Fakes.ListSource source =
        new Fakes.ListSource(
            Fakes.numberedRows(rows),
            1,
            -1,
            index -> {
              int inFlight = returned.getAndIncrement() - sink.rows.size() + 1;
              if (index >= 20) {
                lateMax.accumulateAndGet(inFlight, Math::max);
              }
            });
    Pipeline pipeline =
        new Pipeline(
            source,
            new TransformWorker(
                () ->
                    smiles ->
                        new ParentOutcome.Derivatized(
                            List.of(new Product("P" + smiles, "t", 0)), List.of(), 0)),
            DedupMode.EXACT.create(100, 1e-6),
            sink,
            new Pipeline.Settings(2, 8, 1),
            Fakes.silentProgress(),
            () -> 0.95);

    pipeline.run();

    assertEquals(rows, sink.rows.size());
    for (int i = 0; i < rows; i++) {
      assertEquals(
          "P" + Fakes.numberedRows(rows).get(i).smiles(), sink.rows.get(i).productSmiles());
    }
    assertTrue(lateMax.get() <= 1, "batches in flight once the heap was full: " + lateMax.get());
  }
}
