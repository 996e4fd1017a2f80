package org.transformpipeline.pipeline.dedup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A split-block Bloom filter (Putze, Sanders and Singler 2007, "Cache-, hash- and space-efficient
 * Bloom filters"; the layout of Parquet's and Impala's filters) over 128-bit product keys: a key
 * touches one block of 512 bits, one cache line, instead of ~20 random lines of a classic filter.
 *
 * <p><b>Layout.</b> A block is 8 words of 64 bits. The key's high 32 bits choose the block; each
 * word gets {@link #bitsPerWord()} bits (1 or 2, whichever needs less memory for the rate) at
 * positions taken 6 bits at a time from the low long and from a MurmurHash3 finaliser of both
 * longs. The key is already a murmur3_128 hash, so it is not hashed again.
 *
 * <p><b>Sizing.</b> With a block's load Poisson-distributed (mean {@code mu} keys) and the bits of
 * a key uniform, the chance that a new key finds all its bits set is {@code sum over l of
 * Poisson(l; mu) x P(word hit | l)^8}, where a word holding {@code m = l x bitsPerWord} random bits
 * has {@code c} of them set and a lookup of {@code b} bits finds them all set with probability
 * {@code E[(c/64)^b]} (computed from the first two factorial moments of {@code c}, exact for {@code
 * b <= 2}). {@link #forKeys} takes the largest {@code mu} that meets the rate. At 5e-7 (the first
 * stage of the defaults) that is 42 bits per key, against 30 for a classic filter: blocking costs
 * memory for its speed.
 *
 * <p><b>Measured rate.</b> {@link #expectedFpp()} is exact for the filter as filled, not an
 * estimate from its sizing: the filter keeps the sum over blocks of the chance that a random new
 * key in that block finds its bits set ({@code prod over words of (c/64)^b}), updated on each
 * insert.
 *
 * <p>Not thread-safe.
 */
final class SplitBlockBloomFilter {

  private static final int WORDS_PER_BLOCK = 8;
  private static final int BITS_PER_WORD = 64;

  private final long[] words;
  private final int blocks;
  private final int bitsPerWord;

  /** Sum over blocks of the chance that a new key's bits are all set there. */
  private double hitChanceSum;

  /**
   * The shape of a filter: its number of blocks and the bits a key sets in each word.
   *
   * @param blocks blocks of 512 bits, at least 1
   * @param bitsPerWord 1 or 2
   */
  record Layout(int blocks, int bitsPerWord) {
    Layout {
      if (blocks < 1 || (long) blocks * WORDS_PER_BLOCK > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("block count out of range: " + blocks);
      }
      if (bitsPerWord != 1 && bitsPerWord != 2) {
        throw new IllegalArgumentException("bits per word must be 1 or 2: " + bitsPerWord);
      }
    }

    /**
     * The smallest layout for {@code n} keys at a false-positive rate of at most {@code p} once
     * they are in.
     *
     * @throws IllegalArgumentException when it would need more than 2^31 words (16 GB)
     */
    static Layout forKeys(long n, double p) {
      double best = Double.MAX_VALUE;
      int bestBits = 1;
      for (int bits = 1; bits <= 2; bits++) {
        double blocksNeeded = Math.ceil(n / keysPerBlock(p, bits));
        if (blocksNeeded < best) {
          best = blocksNeeded;
          bestBits = bits;
        }
      }
      if (best * WORDS_PER_BLOCK > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "a Bloom filter for " + n + " keys at " + p + " would exceed 16 GB");
      }
      return new Layout((int) best, bestBits);
    }

    /** Bytes of the bit array. */
    long bytes() {
      return (long) blocks * WORDS_PER_BLOCK * Long.BYTES;
    }
  }

  SplitBlockBloomFilter(Layout layout) {
    this.blocks = layout.blocks();
    this.bitsPerWord = layout.bitsPerWord();
    this.words = new long[blocks * WORDS_PER_BLOCK];
  }

  /** An empty filter for {@code n} keys at a false-positive rate of at most {@code p}. */
  static SplitBlockBloomFilter forKeys(long n, double p) {
    return new SplitBlockBloomFilter(Layout.forKeys(n, p));
  }

  /**
   * The largest mean block load at which a lookup of {@code bits} bits per word meets {@code p}.
   */
  static double keysPerBlock(double p, int bits) {
    double low = 1e-6;
    double high = 512;
    for (int i = 0; i < 80; i++) {
      double mid = (low + high) / 2;
      if (falsePositiveRate(mid, bits) > p) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return low;
  }

  /** The false-positive rate at a mean block load of {@code mu} keys (class comment). */
  static double falsePositiveRate(double mu, int bits) {
    double sum = 0;
    double poisson = Math.exp(-mu);
    long last = (long) Math.ceil(mu + 12 * Math.sqrt(mu) + 40);
    for (long load = 0; load <= last; load++) {
      sum += poisson * Math.pow(wordHit(load * bits, bits), WORDS_PER_BLOCK);
      poisson *= mu / (load + 1);
    }
    return sum;
  }

  /** E[(c/64)^b] for a word holding m random bits, b in {1, 2}. */
  private static double wordHit(long m, int b) {
    double w = BITS_PER_WORD;
    double unset = Math.pow(1 - 1 / w, m);
    double expected = w * (1 - unset); // E[c]
    if (b == 1) {
      return expected / w;
    }
    double pairs = w * (w - 1) * (1 - 2 * unset + Math.pow(1 - 2 / w, m)); // E[c(c-1)]
    return (pairs + expected) / (w * w);
  }

  /** MurmurHash3's 64-bit finaliser: more position bits from the key, well mixed. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  private int block(long hi) {
    return (int) (((hi >>> 32) * blocks) >>> 32);
  }

  /**
   * The bits of the key in word {@code w}; positions 6 bits each from lo, then from mix(hi ^ lo).
   */
  private long mask(int w, long lo, long extra) {
    int first = w * bitsPerWord;
    long mask = 0;
    for (int j = first; j < first + bitsPerWord; j++) {
      long source = j < 10 ? lo >>> (6 * j) : extra >>> (6 * (j - 10));
      mask |= 1L << (source & 63);
    }
    return mask;
  }

  /** Whether all the key's bits are set: true for every key put, rarely for others. */
  boolean mightContain(long hi, long lo) {
    int base = block(hi) * WORDS_PER_BLOCK;
    long extra = bitsPerWord == 2 ? mix(hi ^ lo) : 0;
    for (int w = 0; w < WORDS_PER_BLOCK; w++) {
      long mask = mask(w, lo, extra);
      if ((words[base + w] & mask) != mask) {
        return false;
      }
    }
    return true;
  }

  /**
   * Sets the key's bits.
   *
   * @return true if a bit changed (the key was certainly new), false if {@link #mightContain} was
   *     true
   */
  boolean put(long hi, long lo) {
    int base = block(hi) * WORDS_PER_BLOCK;
    long extra = bitsPerWord == 2 ? mix(hi ^ lo) : 0;
    boolean changed = false;
    double before = 1;
    double after = 1;
    for (int w = 0; w < WORDS_PER_BLOCK; w++) {
      long word = words[base + w];
      long set = word | mask(w, lo, extra);
      changed |= set != word;
      before *= hitChance(word);
      after *= hitChance(set);
      words[base + w] = set;
    }
    hitChanceSum += after - before;
    return changed;
  }

  /** The chance that a random key's bits in this word are all set: (c/64)^b. */
  private double hitChance(long word) {
    double fill = Long.bitCount(word) / (double) BITS_PER_WORD;
    return bitsPerWord == 1 ? fill : fill * fill;
  }

  /** The chance that a random new key is found now: exact for the filter as filled. */
  double expectedFpp() {
    return Math.max(0, hitChanceSum / blocks);
  }

  /** The filter's shape. */
  Layout layout() {
    return new Layout(blocks, bitsPerWord);
  }

  /** Writes the layout (block count, bits per word) and the words. */
  void writeTo(DataOutputStream out) throws IOException {
    out.writeInt(blocks);
    out.writeByte(bitsPerWord);
    for (long word : words) {
      out.writeLong(word);
    }
  }

  /**
   * Reads a filter written by {@link #writeTo}, which must have the layout {@code expected} (the
   * one the same sizing gives).
   */
  static SplitBlockBloomFilter readFrom(DataInputStream in, Layout expected) throws IOException {
    Layout layout = new Layout(in.readInt(), in.readByte());
    if (!layout.equals(expected)) {
      throw new IOException("a stage laid out as " + layout + ", expected " + expected);
    }
    SplitBlockBloomFilter filter = new SplitBlockBloomFilter(layout);
    double sum = 0;
    for (int b = 0; b < filter.blocks; b++) {
      double chance = 1;
      for (int w = 0; w < WORDS_PER_BLOCK; w++) {
        long word = in.readLong();
        filter.words[b * WORDS_PER_BLOCK + w] = word;
        chance *= filter.hitChance(word);
      }
      sum += chance;
    }
    filter.hitChanceSum = sum;
    return filter;
  }
}
