package org.transformpipeline.pipeline.dedup;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * {@code --dedup exact}: keeps every 128-bit key in a primitive open-addressing hash table (two
 * parallel {@code long[]} arrays, linear probing). No false drops in practice: two different SMILES
 * collide on a 128-bit murmur3 hash with probability about n²/2¹²⁹, below 10⁻²¹ for a billion
 * products.
 *
 * <p>Memory: 16 bytes per slot. The table doubles when it is 70% full, so it runs between 35% and
 * 70% full: <b>23 to 46 bytes per key</b> (about 32 on average), plus a transient 1.5x while it
 * doubles (old and new arrays are both alive). It starts sized for {@code min(expected, 1M)} keys
 * and grows, so an over-estimate of {@code --expected-products} costs nothing up front. The
 * all-zero key marks an empty slot, so that one key is remembered in a separate flag.
 *
 * <p>Not thread-safe: owned by the consumer thread.
 */
public final class ExactDeduplicator implements Deduplicator {

  /** The table doubles when size exceeds this fraction of its slots. */
  static final double MAX_LOAD = 0.7;

  private static final int MAX_CAPACITY = 1 << 30;
  private static final long INITIAL_KEYS_CAP = 1 << 20;

  private long[] his;
  private long[] los;
  private int mask;
  private long size;
  private boolean containsZeroKey;
  private long resizeAt;

  /**
   * @param expectedKeys sizing hint; the table starts at {@code min(expectedKeys, 1M)} keys
   */
  public ExactDeduplicator(long expectedKeys) {
    long startKeys = Math.max(16, Math.min(expectedKeys, INITIAL_KEYS_CAP));
    allocate(capacityFor(startKeys));
  }

  private static int capacityFor(long keys) {
    long slots = (long) Math.ceil(keys / MAX_LOAD) + 1;
    long capacity = Long.highestOneBit(slots - 1) << 1;
    if (capacity > MAX_CAPACITY) {
      throw new IllegalStateException(
          "exact dedup table cannot hold "
              + keys
              + " keys (max "
              + (long) (MAX_CAPACITY * MAX_LOAD)
              + ")");
    }
    return (int) capacity;
  }

  private void allocate(int capacity) {
    his = new long[capacity];
    los = new long[capacity];
    mask = capacity - 1;
    resizeAt = (long) (capacity * MAX_LOAD);
  }

  @Override
  public boolean addIfAbsent(long hi, long lo) {
    if (hi == 0 && lo == 0) {
      boolean isNew = !containsZeroKey;
      containsZeroKey = true;
      if (isNew) {
        size++;
      }
      return isNew;
    }
    int slot = slotOf(hi, lo);
    while (his[slot] != 0 || los[slot] != 0) {
      if (his[slot] == hi && los[slot] == lo) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    his[slot] = hi;
    los[slot] = lo;
    size++;
    if (size > resizeAt) {
      grow();
    }
    return true;
  }

  @Override
  public boolean contains(long hi, long lo) {
    if (hi == 0 && lo == 0) {
      return containsZeroKey;
    }
    for (int slot = slotOf(hi, lo); his[slot] != 0 || los[slot] != 0; slot = (slot + 1) & mask) {
      if (his[slot] == hi && los[slot] == lo) {
        return true;
      }
    }
    return false;
  }

  private int slotOf(long hi, long lo) {
    long h = (lo ^ Long.rotateLeft(hi, 29)) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldHis = his;
    long[] oldLos = los;
    if (oldHis.length >= MAX_CAPACITY) {
      throw new IllegalStateException("exact dedup table is full at " + size + " keys");
    }
    allocate(oldHis.length * 2);
    for (int i = 0; i < oldHis.length; i++) {
      long hi = oldHis[i];
      long lo = oldLos[i];
      if (hi != 0 || lo != 0) {
        int slot = slotOf(hi, lo);
        while (his[slot] != 0 || los[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        his[slot] = hi;
        los[slot] = lo;
      }
    }
  }

  /** Writes every key (count, then hi and lo of each), for {@link DedupStateFile}. */
  void writeKeys(DataOutput out) throws IOException {
    out.writeLong(size);
    if (containsZeroKey) {
      out.writeLong(0);
      out.writeLong(0);
    }
    for (int i = 0; i < his.length; i++) {
      if (his[i] != 0 || los[i] != 0) {
        out.writeLong(his[i]);
        out.writeLong(los[i]);
      }
    }
  }

  /** Adds the keys written by {@link #writeKeys}. */
  void readKeys(DataInput in) throws IOException {
    long count = in.readLong();
    if (count < 0) {
      throw new IOException("negative key count: " + count);
    }
    for (long i = 0; i < count; i++) {
      addIfAbsent(in.readLong(), in.readLong());
    }
  }

  /** Number of distinct keys added. */
  public long size() {
    return size;
  }

  /** Number of slots in the table (a power of two). */
  int capacity() {
    return his.length;
  }

  @Override
  public String mode() {
    return DedupMode.EXACT.optionValue();
  }

  @Override
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "exact (128-bit keys in an open-addressing table: %d keys, %d slots, %.1f bytes/key)",
        size,
        his.length,
        size == 0 ? 0.0 : (double) memoryBytes() / size);
  }

  @Override
  public long memoryBytes() {
    return 16L * his.length;
  }

  @Override
  public double expectedFalseDrops() {
    return 0;
  }
}
