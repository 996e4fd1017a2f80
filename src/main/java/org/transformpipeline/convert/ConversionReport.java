package org.transformpipeline.convert;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a conversion did: records read, written and skipped (by reason, with the positions of the
 * first few), and notes about the columns or structures. Immutable.
 *
 * @param output the file written
 * @param read records read from the input
 * @param written records written to the output
 * @param skipped per reason, how many records were skipped, in order of first occurrence
 * @param positions per reason, the positions of the first {@value Conversion#LISTED_PER_REASON}
 * @param examples the first {@value Conversion#LISTED_EXAMPLES} skipped records with a detail
 * @param positionName what positions count: {@code line} (1-based) or {@code row} (0-based)
 * @param notes things to know about the output (renamed columns, layouts that failed)
 */
public record ConversionReport(
    Path output,
    long read,
    long written,
    Map<String, Long> skipped,
    Map<String, List<Long>> positions,
    List<SkippedRecord> examples,
    String positionName,
    List<String> notes) {

  /** Records skipped, all reasons. */
  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The report as lines: {@code convert: wrote N rows to FILE}, then per reason its count and
   * positions, the skipped records' details, and the notes.
   */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append("convert: read ")
        .append(read)
        .append(read == 1 ? " record" : " records")
        .append(", wrote ")
        .append(written)
        .append(written == 1 ? " row" : " rows")
        .append(" to ")
        .append(output);
    long total = skippedTotal();
    b.append(total == 0 ? "; none skipped" : "; skipped " + total).append('\n');
    skipped.forEach(
        (reason, count) -> {
          List<Long> listed = positions.get(reason);
          b.append("  skipped, ")
              .append(reason)
              .append(": ")
              .append(count)
              .append(" (")
              .append(positionName)
              .append(listed.size() > 1 ? "s " : " ")
              .append(listed.stream().map(String::valueOf).collect(Collectors.joining(", ")))
              .append(count > listed.size() ? ", ..." : "")
              .append(")\n");
        });
    for (SkippedRecord example : examples) {
      b.append("  ")
          .append(positionName)
          .append(' ')
          .append(example.position())
          .append(": ")
          .append(example.reason())
          .append(": ")
          .append(example.detail())
          .append('\n');
    }
    notes.forEach(note -> b.append("  note: ").append(note).append('\n'));
    return b.toString();
  }
}
