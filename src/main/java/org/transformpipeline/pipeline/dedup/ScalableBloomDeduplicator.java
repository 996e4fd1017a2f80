package org.transformpipeline.pipeline.dedup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --dedup bloom}: a scalable Bloom filter (Almeida et al. 2007) made of {@link
 * SplitBlockBloomFilter}s over the two longs of a 128-bit product key: a lookup reads one cache
 * line per stage (Guava's classic filter, used before, read ~20 random lines and re-hashed the key:
 * 1.66-1.95 us a key against 0.26-0.27 here, 2.4 M keys into a filter of the default size).
 *
 * <p><b>Growth.</b> Stage {@code i} (from 0) is sized for {@code expected x 2^i} insertions at a
 * false-positive rate of {@code fpp x 0.5^(i+1)}. When a stage has taken its expected number of
 * insertions, a new stage is added; lookups check every stage, inserts go to the newest. The chance
 * that a new key is wrongly found in any stage is at most the sum of the stages' rates, {@code fpp
 * x (1/2 + 1/4 + ...) < fpp}, however far the estimate is exceeded. The price of under-estimating
 * is memory (each stage has twice the capacity and one more bit per key than the last) and a little
 * time (one more lookup per stage).
 *
 * <p><b>Memory</b> is the sum of the stages' bit arrays ({@link SplitBlockBloomFilter.Layout}). At
 * the defaults (50 M keys, 1e-6) the first stage (5e-7) is ~264 MB, 42 bits per key.
 *
 * <p><b>Expected false drops.</b> Each new key is looked up before it is inserted; the probability
 * that this lookup wrongly says "seen" is at most the sum over stages of {@link
 * SplitBlockBloomFilter#expectedFpp()} (exact for the stage as filled) at that moment. {@link
 * #expectedFalseDrops()} adds this probability up over every insert, so it is the expected number
 * of new products dropped so far (to within the keys that were themselves dropped, which are not
 * counted as inserts: a second-order error of order fpp²). It is typically far below {@code inserts
 * x fpp} because a stage only reaches its target rate when full.
 *
 * <p>Not thread-safe: owned by the consumer thread.
 */
public final class ScalableBloomDeduplicator implements Deduplicator {

  private final long initialExpected;
  private final double fpp;
  private final List<Stage> stages = new ArrayList<>();

  /** Sum of expectedFpp() of the full stages, fixed once a stage is full. */
  private double closedStagesFpp;

  private double expectedFalseDrops;
  private long inserts;
  private long currentStageInserts;

  private record Stage(SplitBlockBloomFilter filter, long capacity, double fpp, long bytes) {}

  /**
   * @param expectedInsertions unique keys expected (the first stage's capacity), at least 1
   * @param fpp target false-positive rate of the whole filter, in (0, 1)
   */
  public ScalableBloomDeduplicator(long expectedInsertions, double fpp) {
    this(expectedInsertions, fpp, true);
  }

  private ScalableBloomDeduplicator(long expectedInsertions, double fpp, boolean firstStage) {
    if (expectedInsertions < 1) {
      throw new IllegalArgumentException(
          "expected insertions must be >= 1, got " + expectedInsertions);
    }
    if (!(fpp > 0 && fpp < 1)) {
      throw new IllegalArgumentException("fpp must be in (0, 1), got " + fpp);
    }
    this.initialExpected = expectedInsertions;
    this.fpp = fpp;
    if (firstStage) {
      addStage();
    }
  }

  private void addStage() {
    int i = stages.size();
    long capacity = stageCapacity(i);
    double stageFpp = stageFpp(i);
    SplitBlockBloomFilter.Layout layout = SplitBlockBloomFilter.Layout.forKeys(capacity, stageFpp);
    stages.add(new Stage(new SplitBlockBloomFilter(layout), capacity, stageFpp, layout.bytes()));
  }

  /** Stage i holds expected x 2^i keys (capped to stay a positive long). */
  private long stageCapacity(int i) {
    long capacity = initialExpected;
    for (int doubling = 0; doubling < i && capacity <= Long.MAX_VALUE / 2; doubling++) {
      capacity *= 2;
    }
    return capacity;
  }

  /** Stage i has a false-positive rate of fpp x 0.5^(i+1). */
  private double stageFpp(int i) {
    return fpp * Math.pow(0.5, i + 1);
  }

  @Override
  public boolean contains(long hi, long lo) {
    for (Stage stage : stages) {
      if (stage.filter().mightContain(hi, lo)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean addIfAbsent(long hi, long lo) {
    for (int i = stages.size() - 2; i >= 0; i--) {
      if (stages.get(i).filter().mightContain(hi, lo)) {
        return false;
      }
    }
    Stage current = stages.get(stages.size() - 1);
    // one pass over the current filter: put() changes no bit exactly when mightContain() is true
    if (!current.filter().put(hi, lo)) {
      return false;
    }
    expectedFalseDrops += closedStagesFpp + current.filter().expectedFpp();
    inserts++;
    currentStageInserts++;
    if (currentStageInserts >= current.capacity()) {
      currentStageInserts = 0;
      closedStagesFpp += current.filter().expectedFpp();
      addStage();
    }
    return true;
  }

  /** The sizing this filter was made with: expected insertions of the first stage. */
  long initialExpected() {
    return initialExpected;
  }

  /** The target false-positive rate this filter was made with. */
  double fpp() {
    return fpp;
  }

  /** Writes the counters and every stage's filter, for {@link DedupStateFile}. */
  void writeState(DataOutputStream out) throws IOException {
    out.writeLong(inserts);
    out.writeLong(currentStageInserts);
    out.writeDouble(closedStagesFpp);
    out.writeDouble(expectedFalseDrops);
    out.writeInt(stages.size());
    for (Stage stage : stages) {
      stage.filter().writeTo(out);
    }
  }

  /**
   * A filter in the state written by {@link #writeState} of one made with the same sizing and rate.
   */
  static ScalableBloomDeduplicator readState(
      DataInputStream in, long expectedInsertions, double fpp) throws IOException {
    ScalableBloomDeduplicator bloom = new ScalableBloomDeduplicator(expectedInsertions, fpp, false);
    bloom.read(in);
    return bloom;
  }

  private void read(DataInputStream in) throws IOException {
    long readInserts = in.readLong();
    long readCurrent = in.readLong();
    double readClosed = in.readDouble();
    double readDrops = in.readDouble();
    int count = in.readInt();
    if (count < 1 || count > 62) {
      throw new IOException("bad stage count: " + count);
    }
    stages.clear();
    for (int i = 0; i < count; i++) {
      long capacity = stageCapacity(i);
      double stageFpp = stageFpp(i);
      SplitBlockBloomFilter.Layout layout =
          SplitBlockBloomFilter.Layout.forKeys(capacity, stageFpp);
      SplitBlockBloomFilter filter = SplitBlockBloomFilter.readFrom(in, layout);
      stages.add(new Stage(filter, capacity, stageFpp, layout.bytes()));
    }
    inserts = readInserts;
    currentStageInserts = readCurrent;
    closedStagesFpp = readClosed;
    expectedFalseDrops = readDrops;
  }

  /** Number of stages (filters) so far: 1 until the first estimate is exceeded. */
  public int stageCount() {
    return stages.size();
  }

  /** Keys inserted (looked up and found new). */
  public long inserts() {
    return inserts;
  }

  /** Upper bound of the rate at which a new key is wrongly found: the sum of the stage targets. */
  public double falsePositiveBound() {
    return stages.stream().mapToDouble(Stage::fpp).sum();
  }

  @Override
  public String mode() {
    return DedupMode.BLOOM.optionValue();
  }

  @Override
  public String describe() {
    return String.format(
        Locale.ROOT,
        "bloom (scalable: %d stage(s), first for %d keys, target fpp %.3g, %d keys inserted)",
        stages.size(),
        initialExpected,
        fpp,
        inserts);
  }

  @Override
  public long memoryBytes() {
    return stages.stream().mapToLong(Stage::bytes).sum();
  }

  @Override
  public double expectedFalseDrops() {
    return expectedFalseDrops;
  }
}
