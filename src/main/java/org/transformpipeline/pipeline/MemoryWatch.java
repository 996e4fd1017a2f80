package org.transformpipeline.pipeline;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Warns when memory runs short: once each time the heap's used/max fraction rises above 85%, and
 * once each time the system's available memory ({@code MemAvailable} in {@code /proc/meminfo})
 * falls below 10% of its total. A warning is given again only after the level has gone back across
 * its threshold.
 *
 * <p>Not thread-safe: called by the consumer thread.
 */
public final class MemoryWatch {

  /** Heap used/max above which a warning is given. */
  public static final double HEAP_WARN_FRACTION = 0.85;

  /** System MemAvailable/MemTotal below which a warning is given. */
  public static final double SYSTEM_WARN_FRACTION = 0.10;

  private static final Path MEMINFO = Path.of("/proc/meminfo");

  /** Most heap in use right after a collection since the last {@link #resetPeaks()}. */
  private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();

  private static boolean watchingCollections;

  private final DoubleSupplier heapUsedFraction;
  private final DoubleSupplier systemAvailableFraction;
  private boolean heapHigh;
  private boolean systemLow;

  /**
   * @param heapUsedFraction heap used / max heap, in [0, 1]
   * @param systemAvailableFraction available / total system memory, or NaN if unknown
   */
  public MemoryWatch(DoubleSupplier heapUsedFraction, DoubleSupplier systemAvailableFraction) {
    this.heapUsedFraction = heapUsedFraction;
    this.systemAvailableFraction = systemAvailableFraction;
  }

  /** Watches this JVM's heap and, on Linux, the system's available memory. */
  public static MemoryWatch ofThisMachine() {
    Runtime runtime = Runtime.getRuntime();
    return new MemoryWatch(
        () -> (double) (runtime.totalMemory() - runtime.freeMemory()) / runtime.maxMemory(),
        MemoryWatch::systemAvailableFraction);
  }

  /** The warnings due now (usually none). */
  public List<String> check() {
    List<String> warnings = new ArrayList<>();
    double heap = heapUsedFraction.getAsDouble();
    if (heap > HEAP_WARN_FRACTION && !heapHigh) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "heap use is %.0f%% of the maximum heap (above %.0f%%): lower --max-in-flight or"
                  + " --batch-size, or raise -Xmx",
              heap * 100,
              HEAP_WARN_FRACTION * 100));
    }
    heapHigh = heap > HEAP_WARN_FRACTION;
    double available = systemAvailableFraction.getAsDouble();
    boolean low = !Double.isNaN(available) && available < SYSTEM_WARN_FRACTION;
    if (low && !systemLow) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "system available memory is %.1f%% of the total (below %.0f%%): the machine may"
                  + " start swapping; lower -Xmx or stop other programs",
              available * 100,
              SYSTEM_WARN_FRACTION * 100));
    }
    systemLow = low;
    return warnings;
  }

  /**
   * The sum of the heap memory pools' peak usage since the JVM started (JMX), which also sees peaks
   * between samples.
   */
  public static long peakHeapPoolBytes() {
    long peaks = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peaks += pool.getPeakUsage().getUsed();
      }
    }
    return peaks;
  }

  /**
   * Starts following every garbage collection (JMX notifications) to record the heap in use right
   * after it: the live set plus what the collection left (a young collection leaves the old
   * generation's garbage). Unlike the pools' peaks, which say when the collector chose to collect,
   * this grows only when what the run holds grows. Idempotent.
   */
  public static synchronized void watchCollections() {
    if (watchingCollections) {
      return;
    }
    watchingCollections = true;
    Set<String> heapPools = new HashSet<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    NotificationListener listener =
        (notification, handback) -> {
          if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
              notification.getType())) {
            return;
          }
          GcInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                  .getGcInfo();
          long used = 0;
          for (Map.Entry<String, MemoryUsage> e : info.getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
              used += e.getValue().getUsed();
            }
          }
          PEAK_AFTER_GC.accumulateAndGet(used, Math::max);
        };
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
      }
    }
  }

  /**
   * The most heap in use right after a garbage collection since the last {@link #resetPeaks()} (0
   * before {@link #watchCollections()} or when no collection ran).
   */
  public static long peakHeapAfterGcBytes() {
    return PEAK_AFTER_GC.get();
  }

  /** MemAvailable / MemTotal from /proc/meminfo, or NaN where that file is missing or odd. */
  static double systemAvailableFraction() {
    try {
      return parseMeminfo(Files.readAllLines(MEMINFO));
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** MemAvailable / MemTotal from the lines of a meminfo file, or NaN if either is absent. */
  static double parseMeminfo(List<String> lines) {
    double total = Double.NaN;
    double available = Double.NaN;
    for (String line : lines) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length >= 2 && parts[0].equals("MemTotal:")) {
        total = Double.parseDouble(parts[1]);
      } else if (parts.length >= 2 && parts[0].equals("MemAvailable:")) {
        available = Double.parseDouble(parts[1]);
      }
    }
    return total > 0 ? available / total : Double.NaN;
  }

  /**
   * Starts the peaks over: the heap pools' peak usage (JMX) and, on Linux, the process's peak
   * resident set size (writing 5 to /proc/self/clear_refs), so that each generation's own peaks can
   * be read at its end.
   */
  public static void resetPeaks() {
    PEAK_AFTER_GC.set(0);
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        pool.resetPeakUsage();
      }
    }
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      // not Linux, or not allowed: the peak is then the process's since it started
    }
  }

  /** The process's peak resident set size (VmHWM, Linux), or 0 where the system cannot tell. */
  public static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String[] cells = line.substring(6).trim().split("\\s+");
          return Long.parseLong(cells[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return 0;
  }
}
