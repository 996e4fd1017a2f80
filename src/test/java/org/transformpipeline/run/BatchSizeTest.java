package org.transformpipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchSizeTest {

  @Test
  void aSmallLibraryGetsManyBatchesAndALargeOneBoundedBatches() {
    // 10k rows: 50 batches of 200 rows, not one batch that keeps one worker busy
    assertEquals(200, BatchSize.forRows(10_000));
    assertEquals(50, (10_000 + BatchSize.forRows(10_000) - 1) / BatchSize.forRows(10_000));
    assertEquals(1_563, BatchSize.forRows(100_000));
    assertEquals(10_000, BatchSize.forRows(1_000_000));
    assertEquals(10_000, BatchSize.forRows(15_000_000_000L));
    assertEquals(200, BatchSize.forRows(0));
    assertEquals(200, BatchSize.forRows(1));
  }

  @Test
  void everyLibraryBetweenTheBoundsGetsSixtyFourBatchesAtMost() {
    for (long rows = 12_800; rows <= 640_000; rows += 9_999) {
      int size = BatchSize.forRows(rows);
      long batches = (rows + size - 1) / size;
      assertTrue(batches <= 64 && batches >= 63, rows + " rows: " + batches + " batches");
    }
  }
}
