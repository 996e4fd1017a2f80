package org.transformpipeline.pipeline.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExactDeduplicatorTest {

  @Test
  void agreesWithAHashSetWhileGrowingFarPastItsInitialSize() {
    ExactDeduplicator dedup = new ExactDeduplicator(16);
    Set<List<Long>> reference = new HashSet<>();
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      // small ranges so that keys repeat, and keys sharing one half
      long hi = random.nextInt(400);
      long lo = random.nextInt(400) * 0x9E3779B97F4A7C15L;
      assertEquals(
          reference.add(List.of(hi, lo)), dedup.addIfAbsent(hi, lo), "key " + hi + "," + lo);
    }
    assertEquals(reference.size(), dedup.size());
    assertTrue(dedup.capacity() > 32, "it grew");
    assertTrue(dedup.size() <= dedup.capacity() * ExactDeduplicator.MAX_LOAD);
  }

  @Test
  void remembersTheAllZeroKeyAlthoughItMarksEmptySlots() {
    ExactDeduplicator dedup = new ExactDeduplicator(10);
    assertTrue(dedup.addIfAbsent(0, 0));
    assertFalse(dedup.addIfAbsent(0, 0));
    assertTrue(dedup.addIfAbsent(0, 1));
    assertTrue(dedup.addIfAbsent(1, 0));
    assertEquals(3, dedup.size());
  }

  @Test
  void reportsSixteenBytesPerSlotAndBetween23And46BytesPerKey() {
    ExactDeduplicator dedup = new ExactDeduplicator(1000);
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      dedup.addIfAbsent(random.nextLong(), random.nextLong());
      double bytesPerKey = (double) dedup.memoryBytes() / dedup.size();
      if (dedup.size() > 2000) {
        assertTrue(
            bytesPerKey >= 16 / ExactDeduplicator.MAX_LOAD - 0.01 && bytesPerKey <= 46,
            "" + bytesPerKey);
      }
    }
    assertEquals(16L * dedup.capacity(), dedup.memoryBytes());
    assertEquals(0, dedup.expectedFalseDrops());
    assertTrue(dedup.describe().startsWith("exact (128-bit keys"), dedup.describe());
  }
}
