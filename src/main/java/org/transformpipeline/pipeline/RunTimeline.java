package org.transformpipeline.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * One sample per written batch (time, counts, heap, batches in flight), kept in bounded memory:
 * when more than {@code capacity} samples are held, every other one is dropped and from then on
 * only every second (then fourth, eighth...) batch is sampled. The samples kept are always those of
 * the batches whose index is a multiple of the current stride, plus the latest batch, so the
 * timeline covers the whole run evenly whatever its length.
 *
 * <p>Not thread-safe: fed by the consumer thread.
 */
public final class RunTimeline {

  /** Samples kept at most by the pipeline (plus the last one). */
  public static final int DEFAULT_CAPACITY = 2000;

  /**
   * The state of a run after a batch was written.
   *
   * @param seconds since the pipeline started
   * @param rows input rows of the batches written so far
   * @param productsGenerated valid products made so far, before dedup
   * @param productsWritten products written so far
   * @param heapUsedMb heap in use, in MiB
   * @param inFlight batches read but not yet written (permits held), after this one
   */
  public record Sample(
      double seconds,
      long rows,
      long productsGenerated,
      long productsWritten,
      long heapUsedMb,
      int inFlight) {}

  private final int capacity;
  private final List<Sample> kept = new ArrayList<>();
  private long batches;
  private long stride = 1;
  private Sample last;

  /**
   * @param capacity samples kept at most (besides the last), at least 2
   */
  public RunTimeline(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be >= 2: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Records the sample of the next batch written. */
  public void add(Sample sample) {
    if (batches % stride == 0) {
      kept.add(sample);
      if (kept.size() > capacity) {
        List<Sample> even = new ArrayList<>(capacity / 2 + 1);
        for (int i = 0; i < kept.size(); i += 2) {
          even.add(kept.get(i));
        }
        kept.clear();
        kept.addAll(even);
        stride *= 2;
      }
    }
    batches++;
    last = sample;
  }

  /** The samples kept, in order, ending with the latest one; empty before the first batch. */
  public List<Sample> samples() {
    List<Sample> out = new ArrayList<>(kept);
    if (last != null && (out.isEmpty() || out.get(out.size() - 1) != last)) {
      out.add(last);
    }
    return List.copyOf(out);
  }
}
