package org.transformpipeline.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.function.DoubleSupplier;

/**
 * The bound on batches in flight, with back-pressure from the heap: a permit is taken before a
 * batch is read and given back once its products are written; when the live heap (heap used just
 * after the last garbage collection) passes {@link #LOWER_ABOVE} of the maximum heap, the number of
 * permits is halved (never below 1), and when it falls under {@link #RAISE_BELOW} it is raised one
 * at a time back to the configured bound. Fewer batches in flight means fewer rows and products
 * held at once, so a library heavier than the settings expected slows down instead of running out
 * of memory.
 *
 * <p>Thread-safe: {@link #acquire} is called by the reader, {@link #release} and {@link #adapt} by
 * the consumer.
 */
final class InFlightLimit {

  /** Live heap fraction above which the number of permits is halved. */
  static final double LOWER_ABOVE = 0.70;

  /** Live heap fraction below which the number of permits is raised by one. */
  static final double RAISE_BELOW = 0.40;

  /** A semaphore whose number of permits can be lowered while permits are out. */
  private static final class ResizableSemaphore extends Semaphore {
    private static final long serialVersionUID = 1L;

    ResizableSemaphore(int permits) {
      super(permits);
    }

    void lower(int by) {
      reducePermits(by);
    }
  }

  private final ResizableSemaphore permits;
  private final int bound;
  private final DoubleSupplier liveHeapFraction;
  private volatile int limit;
  private int lowest;
  private int changes;

  /**
   * @param bound the configured maximum (--max-in-flight)
   * @param liveHeapFraction live heap / max heap, in [0, 1]
   */
  InFlightLimit(int bound, DoubleSupplier liveHeapFraction) {
    this.permits = new ResizableSemaphore(bound);
    this.bound = bound;
    this.liveHeapFraction = liveHeapFraction;
    this.limit = bound;
    this.lowest = bound;
  }

  void acquire() throws InterruptedException {
    permits.acquire();
  }

  void release() {
    permits.release();
  }

  /** Permits free now (negative while more batches are out than the lowered limit). */
  int available() {
    return permits.availablePermits();
  }

  /** The number of permits now (the configured bound unless lowered). */
  int limit() {
    return limit;
  }

  /** The lowest number of permits the run came down to. */
  int lowest() {
    return lowest;
  }

  /** How many times the number of permits changed. */
  int changes() {
    return changes;
  }

  /**
   * Lowers or raises the number of permits from the live heap; called by the consumer after each
   * written batch.
   *
   * @return a line for the log when the number changed, else null
   */
  String adapt() {
    double heap = liveHeapFraction.getAsDouble();
    int before = limit;
    if (heap > LOWER_ABOVE && limit > 1) {
      int next = Math.max(1, limit / 2);
      permits.lower(limit - next);
      limit = next;
    } else if (heap < RAISE_BELOW && limit < bound) {
      permits.release();
      limit++;
    } else {
      return null;
    }
    changes++;
    lowest = Math.min(lowest, limit);
    return String.format(
        Locale.ROOT,
        "live heap %.0f%% of max: %s batches in flight from %d to %d (bound %d)",
        heap * 100,
        limit < before ? "lowering" : "raising",
        before,
        limit,
        bound);
  }

  /**
   * Heap used after the last collection over the maximum heap: the memory the run really holds,
   * without the garbage that plain "used" includes. Falls back to used/max when the collector does
   * not report it.
   */
  static double liveHeapFractionOfThisJvm() {
    long live = 0;
    boolean reported = false;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
      if (afterGc != null) {
        live += afterGc.getUsed();
        reported = true;
      }
    }
    Runtime runtime = Runtime.getRuntime();
    if (!reported) {
      live = runtime.totalMemory() - runtime.freeMemory();
    }
    return (double) live / runtime.maxMemory();
  }
}
