package org.transformpipeline.pipeline.dedup;

import java.util.Locale;

/** The cross-batch dedup strategies of {@code --dedup}. */
public enum DedupMode {
  /** A scalable Bloom filter: small, may drop a few new products (bounded false-positive rate). */
  BLOOM,
  /** Every 128-bit key in an open-addressing table: exact, more memory. */
  EXACT,
  /** No cross-batch dedup: in-batch duplicates are still removed. */
  NONE;

  /**
   * Makes the deduplicator for this mode.
   *
   * @param expectedProducts sizing hint: the number of unique products expected
   * @param fpp the Bloom filter's target false-positive rate (ignored by the other modes)
   */
  public Deduplicator create(long expectedProducts, double fpp) {
    return switch (this) {
      case BLOOM -> new ScalableBloomDeduplicator(expectedProducts, fpp);
      case EXACT -> new ExactDeduplicator(expectedProducts);
      case NONE -> new NoDeduplicator();
    };
  }

  /** The name as written on the command line. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
