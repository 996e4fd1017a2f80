package org.transformpipeline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transformpipeline.chem.ParentOutcome;
import org.transformpipeline.chem.Product;
import org.transformpipeline.chem.Rejection;

class TransformWorkerTest {

  private static RowBatch batchOf(String... smiles) {
    List<InputRow> rows = new ArrayList<>();
    for (int i = 0; i < smiles.length; i++) {
      rows.add(new InputRow(100 + i, "id" + i, smiles[i], new Object[] {"x" + i, null}));
    }
    return new RowBatch(4, rows);
  }

  @ParameterizedTest(name = "[{index}] {1}: {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "NULL | input | no SMILES: null cell",
        "''   | input | no SMILES: empty cell",
        "'  ' | input | no SMILES: empty cell",
        "bad  | internal | java.lang.IllegalStateException: kekulisation failed: ring 3",
        "unparsable | parse | bad SMILES: pos 4"
      })
  void aRowThatCannotBeUsedBecomesARejectionAndTheBatchGoesOn(
      String smiles, String stage, String reason) {
    BatchResult result =
        new TransformWorker(() -> Fakes::enumerate).process(batchOf("1", smiles, "2"));

    assertEquals(
        List.of(
            new RowRejection(
                101,
                "id1",
                smiles,
                new Rejection(Rejection.Stage.valueOf(stage.toUpperCase()), reason))),
        result.rowRejections());
    assertEquals(2, result.rowsWithProducts());
    assertEquals(3, result.rowsRead());
    assertEquals(6, result.productsGenerated());
  }

  @Test
  void keepsTheFirstOccurrenceOfAProductWithinTheBatch() {
    // rows 7 and 14 make the same A0; rows 7 and 8 the same C2
    BatchResult result =
        new TransformWorker(() -> Fakes::enumerate).process(batchOf("7", "8", "14"));

    assertEquals(
        List.of("A0 id0 a", "B7 id0 b", "C2 id0 c", "A1 id1 a", "B8 id1 b", "B3 id2 b", "C4 id2 c"),
        result.candidates().stream()
            .map(
                c -> c.row().productSmiles() + " " + c.row().parentId() + " " + c.row().transform())
            .toList());
    assertEquals(9, result.productsGenerated());
    assertEquals(2, result.inBatchDuplicates());
    assertEquals(Map.of("a", 3L, "b", 3L, "c", 3L), result.generatedByTransform());
    assertEquals(2, result.productsCapped()); // the fake caps 2 when k % 4 == 0: row "8"
  }

  @Test
  void carriesTheParentRowIntoEachProductRow() {
    BatchResult result = new TransformWorker(() -> Fakes::enumerate).process(batchOf("3"));
    ProductRow row = result.candidates().get(0).row();

    assertEquals("A3", row.productSmiles());
    assertEquals("id0", row.parentId());
    assertEquals("3", row.parentSmiles());
    assertEquals("a", row.transform());
    assertEquals(1, row.site());
    assertEquals(
        List.of("x0", "null"),
        java.util.Arrays.stream(row.passThrough()).map(String::valueOf).toList());
  }

  @Test
  void hashesTheProductSmilesWithMurmur3Of128Bits() {
    String smiles = "COc1ccccc1";
    TransformWorker worker =
        new TransformWorker(
            () ->
                s ->
                    new ParentOutcome.Derivatized(
                        List.of(new Product(smiles, "t", 0)), List.of(), 0));
    HashedProduct hashed = worker.process(batchOf("c1ccccc1O")).candidates().get(0);

    ByteBuffer expected =
        ByteBuffer.wrap(Hashing.murmur3_128().hashString(smiles, StandardCharsets.UTF_8).asBytes())
            .order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(expected.getLong(0), hashed.hi());
    assertEquals(expected.getLong(8), hashed.lo());
  }

  @Test
  void replacesTheEnumeratorOfAThreadAfterItThrows() {
    AtomicInteger made = new AtomicInteger();
    TransformWorker worker =
        new TransformWorker(
            () -> {
              made.incrementAndGet();
              return Fakes::enumerate;
            });

    worker.process(batchOf("1", "bad", "2", "bad", "3"));

    assertEquals(3, made.get());
  }

  @Test
  void anEnumeratorThatCannotBeMadeFailsTheBatchInsteadOfRejectingEveryRow() {
    TransformWorker worker =
        new TransformWorker(
            () -> {
              throw new IllegalStateException("SMIRKS does not compile: pos 12");
            });

    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> worker.process(batchOf("1", "2")));
    assertEquals("SMIRKS does not compile: pos 12", e.getMessage());
  }
}
