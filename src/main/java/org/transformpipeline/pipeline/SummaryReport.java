package org.transformpipeline.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link RunSummary}: a readable block for the terminal, and JSON written atomically (a
 * temp file next to the target, then an atomic rename) to {@code <output>.summary.json}.
 *
 * <p>Thread-safe (stateless; Jackson's mapper is thread-safe once configured).
 */
public final class SummaryReport {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryReport() {}

  /** Where the JSON summary of an output file goes. */
  public static Path jsonPathFor(Path output) {
    return output.resolveSibling(output.getFileName() + ".summary.json");
  }

  /** Writes the summary as JSON to {@code target}, atomically. */
  public static void writeJson(RunSummary summary, Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", umaskOnly(dir));
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        JSON.writeValue(out, summary);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Permissions for a temporary file that becomes an output: what any new file gets (rw-rw-rw- less
   * the umask, like the products file), not the owner-only rw------- of {@code createTempFile}.
   */
  private static FileAttribute<?>[] umaskOnly(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-"))
        }
        : new FileAttribute<?>[0];
  }

  /** Reads a JSON summary back (for tests and tools). */
  public static RunSummary readJson(Path source) throws IOException {
    return JSON.readValue(source.toFile(), RunSummary.class);
  }

  /** The summary as a block of aligned lines. */
  public static String text(RunSummary s) {
    StringBuilder b = new StringBuilder();
    RunSummary.Settings o = s.settings();
    line(b, "Input", s.input());
    line(b, "Output", s.output());
    line(
        b,
        "Options",
        String.format(
            Locale.ROOT,
            "workers %d, max in flight %d, batch size %d, dedup %s, max products/parent %d",
            o.workers(),
            o.maxInFlight(),
            o.batchSize(),
            o.dedup(),
            o.maxProductsPerParent()));
    line(b, "Transforms", String.join(", ", o.transforms()));
    RunSummary.RowCounts rows = s.rows();
    line(b, "Rows read", rows.read());
    line(b, "  parsed", rows.parsed());
    line(b, "  with products", rows.withProducts());
    line(b, "  no site matched", rows.noSite());
    line(b, "  rejected", rows.rejected());
    categories(b, rows.rejectedByCategory());
    RunSummary.ProductCounts p = s.products();
    line(b, "Products generated", p.generated());
    line(b, "  in-batch duplicates", p.inBatchDuplicates());
    line(b, "  cross-batch duplicates", p.crossBatchDuplicates());
    if (p.belowMinScore() > 0) {
      line(b, "  below --min-score", p.belowMinScore());
    }
    if (p.inputDuplicates() > 0) {
      line(b, "  equal to an input", p.inputDuplicates());
    }
    if (p.cappedPerRoot() > 0) {
      line(b, "  capped per root", p.cappedPerRoot());
    }
    line(b, "  written", p.written());
    if (p.fragmentsWritten() > 0) {
      line(b, "    of them cleavage fragments", p.fragmentsWritten());
    }
    if (s.generations().size() > 1) {
      line(b, "Per generation", "");
      for (RunSummary.GenerationCounts g : s.generations()) {
        RunSummary.ProductCounts gp = g.products();
        line(
            b,
            "  " + g.generation() + " (" + g.transforms() + ")",
            String.format(
                Locale.ROOT,
                "%d parents, %d products generated, %d duplicates, %d written; %.0f products/s,"
                    + " peak heap %.0f MiB (%.0f MiB after GC), peak RSS %.0f MiB",
                g.parents().read(),
                gp.generated(),
                gp.inBatchDuplicates() + gp.crossBatchDuplicates() + gp.inputDuplicates(),
                gp.written(),
                g.productsPerSecond(),
                g.peakHeapPoolBytes() / 1048576.0,
                g.peakHeapAfterGcBytes() / 1048576.0,
                g.peakRssBytes() / 1048576.0));
      }
    }
    line(b, "Products rejected", p.rejected());
    categories(b, p.rejectedByCategory());
    line(b, "Products capped", p.capped());
    if (p.filtered() > 0) {
      line(b, "Products filtered", p.filtered());
      categories(b, p.filteredByReason());
    }
    line(b, "Per transform", "");
    s.transforms()
        .forEach(
            (name, c) ->
                line(b, "  " + name, c.generated() + " generated, " + c.written() + " written"));
    RunSummary.DedupStats d = s.dedup();
    line(b, "Dedup", d.description());
    line(
        b,
        "  memory",
        String.format(Locale.ROOT, "%.1f MiB", d.memoryBytes() / 1048576.0)
            + (d.mode().equals("bloom")
                ? String.format(Locale.ROOT, ", expected false drops %.3g", d.expectedFalseDrops())
                : ""));
    RunSummary.Performance f = s.performance();
    line(
        b,
        "Elapsed",
        String.format(Locale.ROOT, "%.1f s (%.0f rows/s)", f.elapsedSeconds(), f.rowsPerSecond()));
    line(b, "Max in flight", f.maxInFlightObserved() + " of " + o.maxInFlight());
    line(
        b,
        "Reorder window",
        String.format(
            Locale.ROOT,
            "at most %d finished batches held; %.1f s of batch waiting for earlier ones",
            f.maxReorderHeld(),
            f.reorderHeldSeconds()));
    line(
        b,
        "Consumer",
        String.format(
            Locale.ROOT,
            "busy %.1f s, waiting %.1f s; workers %.1f s",
            f.consumerBusySeconds(),
            f.consumerWaitSeconds(),
            f.workerSeconds()));
    line(
        b,
        "Peak heap",
        String.format(
            Locale.ROOT,
            "%d MiB sampled, %d MiB by memory pools, of %d MiB max",
            f.peakHeapUsedBytes() >> 20,
            f.peakHeapPoolBytes() >> 20,
            f.heapMaxBytes() >> 20));
    return b.toString();
  }

  private static void categories(StringBuilder b, Map<String, Long> byCategory) {
    byCategory.forEach((category, n) -> line(b, "    " + category, n));
  }

  private static void line(StringBuilder b, String label, Object value) {
    b.append(String.format(Locale.ROOT, "%-28s %s", label, value).stripTrailing())
        .append(System.lineSeparator());
  }
}
