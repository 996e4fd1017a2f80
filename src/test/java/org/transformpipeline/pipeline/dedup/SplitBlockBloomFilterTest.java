package org.transformpipeline.pipeline.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SplitBlockBloomFilterTest {

  /** Fills a filter sized for n keys at p with n random keys; returns the filter. */
  private static SplitBlockBloomFilter filled(int n, double p, SplittableRandom random) {
    SplitBlockBloomFilter filter = SplitBlockBloomFilter.forKeys(n, p);
    for (int i = 0; i < n; i++) {
      filter.put(random.nextLong(), random.nextLong());
    }
    return filter;
  }

  @Test
  void neverForgetsAKey() {
    SplitBlockBloomFilter filter = SplitBlockBloomFilter.forKeys(1000, 1e-3);
    SplittableRandom random = new SplittableRandom(5);
    long[][] keys = new long[20_000][]; // 20 x its capacity: most lookups of new keys say "seen"
    for (int i = 0; i < keys.length; i++) {
      keys[i] = new long[] {random.nextLong(), random.nextLong()};
      filter.put(keys[i][0], keys[i][1]);
    }
    for (long[] key : keys) {
      assertTrue(filter.mightContain(key[0], key[1]));
      assertFalse(filter.put(key[0], key[1]), "a key put again changes no bit");
    }
  }

  @ParameterizedTest
  @CsvSource({"1e-2, 1", "1e-4, 2"})
  void atCapacityTheMeasuredRateIsTheTargetAndTheFilterKnowsIt(double p, int bitsPerWord) {
    int n = 50_000;
    SplittableRandom random = new SplittableRandom(17);
    SplitBlockBloomFilter filter = filled(n, p, random);
    assertEquals(bitsPerWord, filter.layout().bitsPerWord(), "the layout needing fewer bits");

    int probes = (int) (200 / p); // ~200 false positives expected
    int falsePositives = 0;
    for (int i = 0; i < probes; i++) {
      falsePositives += filter.mightContain(random.nextLong(), random.nextLong()) ? 1 : 0;
    }

    double expected = filter.expectedFpp() * probes;
    // the sizing meets the rate on average and is tight: this filter as filled is within 80-105%
    // of its target (one filling of 50,000 keys varies by about 1%)
    double ratio = filter.expectedFpp() / p;
    assertTrue(ratio <= 1.05 && ratio > 0.8, "" + ratio);
    // and its own figure is the measured one, to within Poisson noise (5 standard deviations)
    assertTrue(
        Math.abs(falsePositives - expected) < 5 * Math.sqrt(expected),
        "measured " + falsePositives + ", expected " + expected);
  }

  @Test
  void anEmptyFilterFindsNothingAndExpectsNothing() {
    SplitBlockBloomFilter filter = SplitBlockBloomFilter.forKeys(100, 1e-6);
    assertEquals(0.0, filter.expectedFpp());
    assertFalse(filter.mightContain(0, 0));
    assertTrue(filter.put(0, 0));
    assertTrue(filter.mightContain(0, 0));
  }

  @Test
  void atTheDefaultsTheFirstStageTakes42BitsAKey() {
    // 50 M products at 1e-6: the first stage of the scalable filter is at 5e-7
    SplitBlockBloomFilter.Layout layout = SplitBlockBloomFilter.Layout.forKeys(50_000_000, 5e-7);
    assertEquals(2, layout.bitsPerWord());
    double bitsPerKey = layout.bytes() * 8.0 / 50_000_000;
    assertTrue(bitsPerKey > 41 && bitsPerKey < 43, "" + bitsPerKey);
    // a classic Bloom filter needs -ln p / ln²2 = 30.2 bits a key for the same rate
    assertTrue(bitsPerKey / (-Math.log(5e-7) / (Math.log(2) * Math.log(2))) < 1.45);
  }

  @Test
  void aWrittenFilterReadsBackTheSame() throws IOException {
    SplittableRandom random = new SplittableRandom(23);
    SplitBlockBloomFilter filter = filled(10_000, 1e-4, random);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    filter.writeTo(new DataOutputStream(bytes));

    SplitBlockBloomFilter copy =
        SplitBlockBloomFilter.readFrom(
            new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), filter.layout());

    assertEquals(filter.expectedFpp(), copy.expectedFpp(), 1e-12 * filter.expectedFpp());
    for (int i = 0; i < 100_000; i++) {
      long hi = random.nextLong();
      long lo = random.nextLong();
      assertEquals(filter.mightContain(hi, lo), copy.mightContain(hi, lo));
    }
    SplitBlockBloomFilter.Layout other =
        new SplitBlockBloomFilter.Layout(filter.layout().blocks() + 1, 2);
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                SplitBlockBloomFilter.readFrom(
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), other));
    assertTrue(e.getMessage().startsWith("a stage laid out as Layout[blocks="), e.getMessage());
  }
}
