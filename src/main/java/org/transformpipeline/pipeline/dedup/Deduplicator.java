package org.transformpipeline.pipeline.dedup;

/**
 * Remembers the 128-bit keys of the products already written, so that a product seen in an earlier
 * batch is not written again. Keys are the murmur3_128 hash of the canonical product SMILES, split
 * into two longs.
 *
 * <p>Implementations are NOT thread-safe: the pipeline's single consumer thread owns the
 * deduplicator.
 */
public interface Deduplicator {

  /**
   * Adds the key if it was not seen before.
   *
   * @return true if the key is new (write the product), false if it was (probably) seen before
   */
  boolean addIfAbsent(long hi, long lo);

  /**
   * Whether the key was (probably) added before; adds nothing.
   *
   * @return false if the key is certainly new; true if it was added (or, for a Bloom filter, may
   *     have been)
   */
  boolean contains(long hi, long lo);

  /** The mode's name as given to {@code --dedup}: bloom, exact or none. */
  String mode();

  /** One line for the summary: the mode and its sizing. */
  String describe();

  /** Memory held by the structure, in bytes (the arrays or bit sets, not object headers). */
  long memoryBytes();

  /**
   * Expected number of new products wrongly reported as seen (and so not written) so far. Zero for
   * the exact and none modes.
   */
  double expectedFalseDrops();
}
