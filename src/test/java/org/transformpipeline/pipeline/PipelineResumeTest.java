package org.transformpipeline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.transformpipeline.chem.Rejection;
import org.transformpipeline.pipeline.dedup.DedupMode;
import org.transformpipeline.pipeline.dedup.Deduplicator;

/** Rejects reach the sink in row order; a run resumed from a checkpoint ends as an unbroken one. */
class PipelineResumeTest {

  /** 100 numbered rows with odd ones: null, empty, a throwing row, unparsable, no site. */
  private static List<InputRow> rows() {
    List<InputRow> rows = new ArrayList<>(Fakes.numberedRows(100));
    String[] odd = {null, "", "bad", "unparsable", "none"};
    for (int i = 0; i < odd.length; i++) {
      InputRow old = rows.get(i * 13 + 4);
      rows.set(i * 13 + 4, new InputRow(old.rowNumber(), old.id(), odd[i], old.passThrough()));
    }
    return rows;
  }

  private static RunTotals run(
      List<InputRow> rows,
      int batchSize,
      Deduplicator dedup,
      Fakes.RecordingSink sink,
      RunCheckpoint from) {
    long first = from == null ? 0 : from.batchesWritten();
    Pipeline pipeline =
        new Pipeline(
            Fakes.ListSource.startingAt(rows, batchSize, first),
            new TransformWorker(() -> Fakes::enumerate),
            dedup,
            sink,
            new Pipeline.Settings(2, 3, batchSize),
            Fakes.silentProgress());
    if (from != null) {
      pipeline.resumingAfter(from);
    }
    return pipeline.run();
  }

  @Test
  void rejectedRowsAndProductsReachTheSinkInRowOrder() {
    Fakes.RecordingSink sink = new Fakes.RecordingSink();
    RunTotals totals = run(rows(), 7, DedupMode.EXACT.create(100, 1e-6), sink, null);

    List<String> rejects =
        sink.rejects.stream()
            .map(r -> r.rowNumber() + " " + r.rejection().stage() + " " + r.transform())
            .toList();
    List<String> expected = new ArrayList<>();
    for (InputRow row : rows()) {
      String smiles = row.smiles();
      if (smiles == null || smiles.isEmpty()) {
        expected.add(row.rowNumber() + " INPUT null");
      } else if (smiles.equals("bad")) {
        expected.add(row.rowNumber() + " INTERNAL null");
      } else if (smiles.equals("unparsable")) {
        expected.add(row.rowNumber() + " PARSE null");
      } else if (smiles.matches("\\d+") && Integer.parseInt(smiles) % 5 == 0) {
        expected.add(row.rowNumber() + " PRODUCT b");
      }
    }
    assertEquals(expected, rejects);
    assertEquals(
        totals.rows().rejected() + totals.products().rejected(), (long) sink.rejects.size());
    RejectRow internal =
        sink.rejects.stream()
            .filter(r -> r.rejection().stage() == Rejection.Stage.INTERNAL)
            .findFirst()
            .orElseThrow();
    assertEquals("bad", internal.smiles());
    assertEquals("id30", internal.id());
  }

  @Test
  void theSinkGetsOneCheckpointPerBatchWithTheCountsSoFar() {
    Fakes.RecordingSink sink = new Fakes.RecordingSink();
    RunTotals totals = run(rows(), 10, DedupMode.EXACT.create(100, 1e-6), sink, null);

    assertEquals(10, sink.checkpoints.size());
    for (int i = 0; i < 10; i++) {
      assertEquals(i + 1, sink.checkpoints.get(i).batchesWritten());
      assertEquals(10L * (i + 1), sink.checkpoints.get(i).rows().read());
    }
    RunCheckpoint last = sink.checkpoints.get(9);
    assertEquals(totals.rows(), last.rows());
    assertEquals(totals.products(), last.products());
    assertEquals(totals.transforms(), last.transforms());
  }

  @ParameterizedTest(name = "interrupted after batch {0}")
  @ValueSource(ints = {0, 1, 6, 14, 15})
  void aRunResumedFromACheckpointWritesWhatAnUnbrokenRunWrites(int interruptedAfter) {
    int batchSize = 7; // 15 batches
    Fakes.RecordingSink unbroken = new Fakes.RecordingSink();
    RunTotals whole = run(rows(), batchSize, DedupMode.EXACT.create(100, 1e-6), unbroken, null);

    // the first run got as far as the checkpoint; its output is the products up to there
    RunCheckpoint checkpoint =
        interruptedAfter == 0
            ? RunCheckpoint.start()
            : unbroken.checkpoints.get(interruptedAfter - 1);
    List<ProductRow> before = unbroken.rows.subList(0, (int) checkpoint.products().written());
    Deduplicator rebuilt = DedupMode.EXACT.create(100, 1e-6);
    for (ProductRow row : before) {
      ProductKey key = ProductKey.of(row.productSmiles());
      assertTrue(rebuilt.addIfAbsent(key.hi(), key.lo()));
    }
    List<InputRow> rest = rows().subList(Math.min(100, interruptedAfter * batchSize), 100);
    Fakes.RecordingSink after = new Fakes.RecordingSink();
    RunTotals resumed = run(rest, batchSize, rebuilt, after, checkpoint);

    List<ProductRow> all = new ArrayList<>(before);
    all.addAll(after.rows);
    assertEquals(lines(unbroken.rows), lines(all));
    assertEquals(whole.rows(), resumed.rows());
    assertEquals(whole.products(), resumed.products());
    assertEquals(whole.transforms(), resumed.transforms());
    assertEquals(whole.rejectedExamples(), resumed.rejectedExamples());
    assertEquals(whole.dedup(), resumed.dedup());
  }

  private static List<String> lines(List<ProductRow> rows) {
    return rows.stream().map(r -> r.productSmiles() + " " + r.parentId()).toList();
  }
}
