package org.transformpipeline.pipeline.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScalableBloomDeduplicatorTest {

  /** Inserts n random keys, returns how many lookups of fresh random keys said "seen". */
  private static double falsePositiveRate(Deduplicator dedup, int inserted, int probes) {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < inserted; i++) {
      dedup.addIfAbsent(random.nextLong(), random.nextLong());
    }
    int falsePositives = 0;
    for (int i = 0; i < probes; i++) {
      if (!dedup.addIfAbsent(random.nextLong(), random.nextLong())) {
        falsePositives++;
      }
    }
    return (double) falsePositives / probes;
  }

  @Test
  void neverForgetsAKey() {
    ScalableBloomDeduplicator dedup = new ScalableBloomDeduplicator(100, 1e-3);
    SplittableRandom random = new SplittableRandom(3);
    long[][] keys = new long[5000][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = new long[] {random.nextLong(), random.nextLong()};
      dedup.addIfAbsent(keys[i][0], keys[i][1]);
    }
    for (long[] key : keys) {
      assertFalse(dedup.addIfAbsent(key[0], key[1]));
    }
  }

  @Test
  void staysWithinItsFalsePositiveRateWhenTheEstimateIsExceededTwentyFold() {
    double fpp = 0.01;
    ScalableBloomDeduplicator dedup = new ScalableBloomDeduplicator(1000, fpp);

    double rate = falsePositiveRate(dedup, 20_000, 100_000);

    assertTrue(rate <= fpp, "false-positive rate " + rate);
    // the probes are inserted too: 120,000 keys fill stages of 1k, 2k, ... 32k and part of 64k
    assertEquals(7, dedup.stageCount());
    assertTrue(dedup.falsePositiveBound() < fpp);
  }

  @Test
  void aPlainBloomFilterOverfilledTheSameWayDoesNot() {
    // the reason for the scalable design: one filter alone, past its estimate
    SplitBlockBloomFilter plain = SplitBlockBloomFilter.forKeys(1000, 0.01);
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 20_000; i++) {
      plain.put(random.nextLong(), random.nextLong());
    }
    int falsePositives = 0;
    for (int i = 0; i < 10_000; i++) {
      falsePositives += plain.mightContain(random.nextLong(), random.nextLong()) ? 1 : 0;
    }
    assertTrue(falsePositives > 5000, "" + falsePositives);
  }

  @Test
  void expectedFalseDropsIsAtMostInsertsTimesTheRateAndNearTheMeasuredCount() {
    double fpp = 0.05;
    ScalableBloomDeduplicator dedup = new ScalableBloomDeduplicator(2000, fpp);
    SplittableRandom random = new SplittableRandom(11);
    int falseDrops = 0;
    int n = 6000; // three stages
    for (int i = 0; i < n; i++) {
      if (!dedup.addIfAbsent(random.nextLong(), random.nextLong())) {
        falseDrops++; // every key is new, so every "seen" is a false drop
      }
    }
    double expected = dedup.expectedFalseDrops();
    assertTrue(expected > 0 && expected < n * fpp, "" + expected);
    // a Poisson count: the measured number lies within 5 standard deviations of the estimate
    assertTrue(
        Math.abs(falseDrops - expected) < 5 * Math.sqrt(expected) + 1,
        "measured " + falseDrops + ", expected " + expected);
  }

  @Test
  void reportsTheBytesOfItsStages() {
    ScalableBloomDeduplicator dedup = new ScalableBloomDeduplicator(10_000, 1e-4);
    long first = SplitBlockBloomFilter.Layout.forKeys(10_000, 0.5e-4).bytes();
    assertEquals(first, dedup.memoryBytes());
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 10_000; i++) {
      dedup.addIfAbsent(random.nextLong(), random.nextLong());
    }
    // the estimate reached: a second stage, for twice the keys at half the rate
    assertEquals(2, dedup.stageCount());
    long second = SplitBlockBloomFilter.Layout.forKeys(20_000, 0.25e-4).bytes();
    assertEquals(first + second, dedup.memoryBytes());
  }

  @Test
  void atTheDefaultsTheFirstStageTakesAbout264Megabytes() {
    // the defaults of --expected-products and --bloom-fpp
    assertEquals(
        264, Math.round(new ScalableBloomDeduplicator(50_000_000, 1e-6).memoryBytes() / 1e6));
  }
}
