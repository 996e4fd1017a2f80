package org.transformpipeline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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

  /**
   * Runs 60 one-row batches, 2 workers, at most 8 in flight, through a slow sink (1 ms a row, so
   * the reader would run ahead if it could) with the live heap fixed at {@code heap}: the most
   * batches in flight seen by the reader from batch 20 on, when back-pressure has had time to act.
   */
  private static int lateMaxInFlight(double heap) throws IOException {
    int rows = 60;
    AtomicInteger returned = new AtomicInteger();
    AtomicInteger lateMax = new AtomicInteger();
    Fakes.RecordingSink sink =
        new Fakes.RecordingSink() {
          @Override
          public void write(ProductRow row) throws IOException {
            try {
              Thread.sleep(1);
            } catch (InterruptedException e) {
              throw new IOException(e);
            }
            super.write(row);
          }
        };
    Fakes.ListSource source =
        new Fakes.ListSource(
            Fakes.numberedRows(rows),
            1,
            -1,
            index -> {
              // after the reader took its permit: batches read and not yet written, plus this one
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
            () -> heap);

    pipeline.run();

    assertEquals(rows, sink.rows.size());
    for (int i = 0; i < rows; i++) {
      assertEquals(
          "P" + Fakes.numberedRows(rows).get(i).smiles(), sink.rows.get(i).productSmiles());
    }
    return lateMax.get();
  }

  @Test
  void aFullHeapBringsTheRunDownToOneBatchInFlightAndTheOutputIsUnchanged() throws Exception {
    // the same slow sink with a heap that stays low: the reader runs ahead, up to the bound,
    // so one batch in flight below is the back-pressure's doing, not the sink keeping up
    int unconstrained = lateMaxInFlight(0.2);
    assertTrue(unconstrained > 4, "batches in flight with a low heap: " + unconstrained);

    int full = lateMaxInFlight(0.95);
    assertEquals(1, full, "batches in flight once the heap was full");
  }
}
