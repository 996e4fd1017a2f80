package org.transformpipeline.pipeline.dedup;

/** {@code --dedup none}: every key is new. Thread-safe (stateless). */
public final class NoDeduplicator implements Deduplicator {

  @Override
  public boolean addIfAbsent(long hi, long lo) {
    return true;
  }

  @Override
  public boolean contains(long hi, long lo) {
    return false;
  }

  @Override
  public String mode() {
    return DedupMode.NONE.optionValue();
  }

  @Override
  public String describe() {
    return "none (cross-batch duplicates are written)";
  }

  @Override
  public long memoryBytes() {
    return 0;
  }

  @Override
  public double expectedFalseDrops() {
    return 0;
  }
}
