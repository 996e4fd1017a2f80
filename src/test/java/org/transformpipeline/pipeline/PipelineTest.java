package org.transformpipeline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.transformpipeline.chem.ParentOutcome;
import org.transformpipeline.chem.Product;
import org.transformpipeline.pipeline.dedup.DedupMode;

class PipelineTest {

  /** 300 numbered rows with odd ones mixed in: no site, a throwing row, null, empty, unparsable. */
  private static List<InputRow> mixedRows() {
    List<InputRow> rows = new ArrayList<>(Fakes.numberedRows(300));
    String[] odd = {"none", "bad", null, "", "unparsable", "  "};
    for (int i = 0; i < 60; i++) {
      int at = i * 5 + 2;
      InputRow old = rows.get(at);
      rows.set(at, new InputRow(old.rowNumber(), old.id(), odd[i % odd.length], old.passThrough()));
    }
    return rows;
  }

  /** The fake chemistry, with a short pause on some rows so batches finish out of order. */
  private static ParentOutcome jitteryEnumerate(String smiles) {
    if (smiles.hashCode() % 13 == 0) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return Fakes.enumerate(smiles);
  }

  private static RunTotals run(
      List<InputRow> rows, int workers, int batchSize, int maxInFlight, ProductSink sink) {
    Pipeline pipeline =
        new Pipeline(
            new Fakes.ListSource(rows, batchSize),
            new TransformWorker(() -> PipelineTest::jitteryEnumerate),
            DedupMode.EXACT.create(1000, 1e-6),
            sink,
            new Pipeline.Settings(workers, maxInFlight, batchSize),
            Fakes.silentProgress());
    return pipeline.run();
  }

  /** What the output must be: every row in input order, the first occurrence of each product. */
  private static List<String> expectedOutput(List<InputRow> rows) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (InputRow row : rows) {
      if (row.smiles() == null || row.smiles().isBlank() || row.smiles().equals("bad")) {
        continue;
      }
      if (Fakes.enumerate(row.smiles()) instanceof ParentOutcome.Derivatized d) {
        for (Product p : d.products()) {
          if (seen.add(p.smiles())) {
            out.add(p.smiles() + " " + row.id() + " " + p.transform() + " " + p.site());
          }
        }
      }
    }
    return out;
  }

  private static List<String> lines(List<ProductRow> rows) {
    return rows.stream()
        .map(r -> r.productSmiles() + " " + r.parentId() + " " + r.transform() + " " + r.site())
        .toList();
  }

  static Stream<Arguments> shapes() {
    List<Arguments> shapes = new ArrayList<>();
    for (int workers : new int[] {1, 2}) {
      for (int batchSize : new int[] {1, 7, 1000}) {
        for (int inFlight : new int[] {1, 8}) {
          shapes.add(Arguments.of(workers, batchSize, inFlight));
        }
      }
    }
    return shapes.stream();
  }

  @ParameterizedTest(name = "workers {0}, batch size {1}, in flight {2}")
  @MethodSource("shapes")
  void writesTheFirstOccurrenceOfEachProductInInputOrderWhateverTheShape(
      int workers, int batchSize, int inFlight) {
    List<InputRow> rows = mixedRows();
    Fakes.RecordingSink sink = new Fakes.RecordingSink();

    RunTotals totals = run(rows, workers, batchSize, inFlight, sink);

    assertEquals(expectedOutput(rows), lines(sink.rows));
    assertTrue(sink.committed);
    assertFalse(sink.aborted);
    // the same counts whatever the shape, except how duplicates split between in- and cross-batch
    assertEquals(300, totals.rows().read());
    assertEquals(sink.rows.size(), totals.products().written());
    if (batchSize < rows.size()) {
      assertTrue(
          totals.products().crossBatchDuplicates() > 0, "the fixture repeats across batches");
    } else {
      assertEquals(0, totals.products().crossBatchDuplicates(), "one batch: no cross-batch dups");
    }
  }

  @Test
  void countsAddUpAndRejectsAreCountedByCategory() {
    List<InputRow> rows = mixedRows();
    RunTotals totals = run(rows, 2, 7, 3, new Fakes.RecordingSink());
    RunSummary summary = RunSummary.of("in", "out", null, totals);

    assertEquals(List.of(), summary.identityViolations());
    // 60 odd rows: 10 each of none, bad, null, "", unparsable, blank
    assertEquals(10, totals.rows().noSite());
    assertEquals(
        Map.of(
            "input: no SMILES", 30L,
            "internal: java.lang.IllegalStateException", 10L,
            "parse: bad SMILES", 10L),
        totals.rows().rejectedByCategory());
    assertEquals(50, totals.rows().rejected());
    assertEquals(240, totals.rows().withProducts());
    assertEquals(300 - 30 - 10 - 10, totals.rows().parsed());
    assertEquals(240 * 3, totals.products().generated());
    long numberedWithProducts =
        rows.stream()
            .map(InputRow::smiles)
            .filter(s -> s != null && s.matches("\\d+"))
            .mapToInt(Integer::parseInt)
            .filter(k -> k % 5 == 0)
            .count();
    assertEquals(
        Map.of("product: valence", numberedWithProducts), totals.products().rejectedByCategory());
    assertEquals(240, totals.transforms().get("a").generated());
    assertEquals(7, totals.transforms().get("a").written());
    assertEquals(11, totals.transforms().get("b").written());
  }

  @Test
  void identityViolationsNameTheBrokenIdentity() {
    RunTotals totals = run(Fakes.numberedRows(20), 1, 5, 2, new Fakes.RecordingSink());
    RunSummary.RowCounts r = totals.rows();
    RunSummary broken =
        new RunSummary(
            "in",
            "out",
            null,
            new RunSummary.RowCounts(
                r.read() + 1,
                r.parsed(),
                r.rejected(),
                r.rejectedByCategory(),
                r.noSite(),
                r.withProducts()),
            totals.products(),
            totals.transforms(),
            totals.dedup(),
            totals.performance(),
            List.of(),
            List.of());

    assertEquals(
        List.of("rows read = rows with products + rows with no site + rows rejected: 21 != 20"),
        broken.identityViolations());
  }

  @ParameterizedTest(name = "max in flight {0}")
  @ValueSource(ints = {1, 3, 6})
  void neverHasMoreBatchesInFlightThanTheBoundAndReachesIt(int maxInFlight) throws Exception {
    // one unique product per row and one row per batch, so the sink knows which batches are done
    int rowsCount = 40;
    AtomicInteger returned = new AtomicInteger();
    AtomicInteger observedMax = new AtomicInteger();
    AtomicBoolean tooMany = new AtomicBoolean();
    CountDownLatch boundReached = new CountDownLatch(1);
    Fakes.RecordingSink slowSink =
        new Fakes.RecordingSink() {
          @Override
          public void write(ProductRow row) throws IOException {
            try {
              if (rows.isEmpty() && !boundReached.await(30, TimeUnit.SECONDS)) {
                throw new IOException("the reader never had " + maxInFlight + " batches in flight");
              }
              Thread.sleep(1); // a slow writer: the reader would run ahead if it could
            } catch (InterruptedException e) {
              throw new IOException(e);
            }
            super.write(row);
          }
        };
    Fakes.ListSource source =
        new Fakes.ListSource(
            Fakes.numberedRows(rowsCount),
            1,
            -1,
            index -> {
              // called after the reader took its permit: batches returned and not yet written,
              // plus this one, is what is in flight now
              int inFlight = returned.get() - slowSink.rows.size() + 1;
              observedMax.accumulateAndGet(inFlight, Math::max);
              if (inFlight > maxInFlight) {
                tooMany.set(true);
              }
              if (index < rowsCount && returned.incrementAndGet() == maxInFlight) {
                boundReached.countDown();
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
            slowSink,
            new Pipeline.Settings(2, maxInFlight, 1),
            Fakes.silentProgress());

    RunTotals totals = pipeline.run();

    assertFalse(tooMany.get(), "more than " + maxInFlight + " batches were in flight");
    assertEquals(maxInFlight, observedMax.get());
    assertEquals(maxInFlight, totals.performance().maxInFlightObserved());
    assertEquals(rowsCount, slowSink.rows.size());
  }

  /**
   * Pipeline threads still alive, after giving each up to 5 s to finish exiting: a pool reports
   * termination when its last task is done, a moment before its threads have died.
   */
  private static Set<String> pipelineThreads() {
    Set<String> names = new HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("transform-worker") || t.getName().startsWith("batch-reader")) {
        try {
          t.join(5000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
          names.add(t.getName());
        }
      }
    }
    return names;
  }

  @Test
  void aFailingSinkStopsTheRunAbortsTheOutputAndLeavesNoThreads() {
    Fakes.RecordingSink sink = new Fakes.RecordingSink(25);

    PipelineException e =
        assertThrows(PipelineException.class, () -> run(mixedRows(), 2, 7, 4, sink));

    assertTrue(e.getMessage().startsWith("failed writing batch "), e.getMessage());
    assertTrue(e.getMessage().endsWith("No space left on device"), e.getMessage());
    assertTrue(sink.aborted);
    assertFalse(sink.committed);
    assertEquals(Set.of(), pipelineThreads());
  }

  @Test
  void aFailingReadStopsTheRunAndSaysWhichBatch() {
    Fakes.RecordingSink sink = new Fakes.RecordingSink();
    Pipeline pipeline =
        new Pipeline(
            new Fakes.ListSource(mixedRows(), 10, 3, i -> {}),
            new TransformWorker(() -> Fakes::enumerate),
            DedupMode.BLOOM.create(1000, 1e-6),
            sink,
            new Pipeline.Settings(2, 2, 10),
            Fakes.silentProgress());

    PipelineException e = assertThrows(PipelineException.class, pipeline::run);

    assertEquals("failed reading batch 3: row group 3 is corrupt", e.getMessage());
    assertTrue(sink.aborted);
    assertFalse(sink.committed);
    assertEquals(Set.of(), pipelineThreads());
  }

  @Test
  void aBatchThatFailsAsAWholeStopsTheRun() {
    Fakes.RecordingSink sink = new Fakes.RecordingSink();
    Pipeline pipeline =
        new Pipeline(
            new Fakes.ListSource(Fakes.numberedRows(50), 10),
            new TransformWorker(
                () ->
                    smiles -> {
                      throw new OutOfMemoryError("Java heap space");
                    }),
            DedupMode.NONE.create(1, 1e-6),
            sink,
            new Pipeline.Settings(2, 2, 10),
            Fakes.silentProgress());

    PipelineException e = assertThrows(PipelineException.class, pipeline::run);

    assertTrue(
        e.getMessage().matches("failed transforming batch \\d: Java heap space"), e.getMessage());
    assertTrue(sink.aborted);
    assertEquals(Set.of(), pipelineThreads());
  }

  @Test
  void emptyInputCommitsAnEmptyOutput() {
    Fakes.RecordingSink sink = new Fakes.RecordingSink();
    RunTotals totals = run(List.of(), 2, 10, 2, sink);
    assertTrue(sink.committed);
    assertEquals(0, totals.rows().read());
    assertEquals(0, totals.performance().maxInFlightObserved());
  }
}
