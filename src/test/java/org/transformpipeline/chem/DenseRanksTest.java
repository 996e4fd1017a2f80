package org.transformpipeline.chem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one-sort ranking of {@link StereoClasses#denseRanks(long[])} against sort-and-search. */
class DenseRanksTest {

  @Test
  void ranksAreDenseOrderKeepingAndSharedByEqualValues() {
    long[] values = {40, 7, 40, 0, 7, 99};
    assertArrayEquals(new int[] {2, 1, 2, 0, 1, 3}, StereoClasses.denseRanks(values));
    assertArrayEquals(new int[] {0}, StereoClasses.denseRanks(new long[] {5}));
    assertArrayEquals(new int[0], StereoClasses.denseRanks(new long[0]));
  }

  @Test
  void bothRoutesGiveTheSameRanksOnEverySizeOfValue() {
    SplittableRandom random = new SplittableRandom(41);
    for (int trial = 0; trial < 20_000; trial++) {
      int n = 1 + random.nextInt(trial % 10 == 0 ? 3000 : 80);
      // from few distinct small values (many ties) to full 63-bit and negative ones (no room
      // for an index: the search route)
      int valueBits = 1 + random.nextInt(64);
      long[] values = new long[n];
      for (int i = 0; i < n; i++) {
        long v = random.nextLong();
        values[i] = valueBits == 64 ? v : v >>> (64 - valueBits);
      }
      assertArrayEquals(
          StereoClasses.denseRanksBySearch(values),
          StereoClasses.denseRanks(values),
          "n " + n + ", value bits " + valueBits);
    }
  }
}
