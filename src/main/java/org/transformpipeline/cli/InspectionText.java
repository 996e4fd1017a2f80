package org.transformpipeline.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.transformpipeline.parquet.ParquetFooter;
import org.transformpipeline.pipeline.RunSummary;

/**
 * Renders an {@link Inspection} as aligned text for the terminal: long cells and metadata values
 * are cut short (the JSON form has them whole). Stateless, thread-safe.
 */
final class InspectionText {

  /** Longest cell shown in the rows preview. */
  static final int MAX_CELL = 40;

  /** Longest metadata value shown. */
  static final int MAX_METADATA = 120;

  /** Widest rows table; wider previews are shown one row per block. */
  static final int MAX_TABLE_WIDTH = 160;

  /** Row groups listed one by one at most. */
  static final int LISTED_ROW_GROUPS = 20;

  private InspectionText() {}

  static String of(Inspection inspection) {
    StringBuilder b = new StringBuilder();
    ParquetFooter f = inspection.footer();
    line(b, "File", inspection.file());
    line(
        b,
        "Size",
        String.format(Locale.ROOT, "%,d bytes (%s)", f.fileSizeBytes(), size(f.fileSizeBytes())));
    line(b, "Rows", String.format(Locale.ROOT, "%,d", f.rowCount()));
    line(b, "Created by", f.createdBy());
    line(
        b,
        "Compression",
        f.codecs().isEmpty() ? "(no column chunks)" : String.join(", ", f.codecs()));
    line(b, "Row groups", Integer.toString(f.rowGroups().size()));
    for (int i = 0; i < f.rowGroups().size() && i < LISTED_ROW_GROUPS; i++) {
      ParquetFooter.RowGroup g = f.rowGroups().get(i);
      line(
          b,
          "  #" + i,
          String.format(
              Locale.ROOT,
              "%,d rows, %s uncompressed, %s compressed",
              g.rows(),
              size(g.uncompressedBytes()),
              size(g.compressedBytes())));
    }
    if (f.rowGroups().size() > LISTED_ROW_GROUPS) {
      line(b, "  ...", (f.rowGroups().size() - LISTED_ROW_GROUPS) + " more (see --json)");
    }
    line(b, "Columns", Integer.toString(f.columns().size()));
    List<List<String>> columns = new ArrayList<>();
    columns.add(List.of("name", "physical type", "logical type", "repetition", "compressed"));
    for (ParquetFooter.Column c : f.columns()) {
      columns.add(
          List.of(
              c.name(),
              c.physicalType(),
              c.logicalType().isEmpty() ? "-" : c.logicalType(),
              c.repetition(),
              size(c.compressedBytes())));
    }
    table(b, columns);
    b.append("Key/value metadata\n");
    if (f.metadata().isEmpty()) {
      b.append("  (none)\n");
    }
    f.metadata()
        .forEach(
            (key, value) ->
                b.append("  ")
                    .append(key)
                    .append(" = ")
                    .append(cut(value, MAX_METADATA))
                    .append('\n'));
    rows(b, inspection);
    if (inspection.apply() != null) {
      apply(b, inspection.apply());
    }
    return b.toString();
  }

  private static void rows(StringBuilder b, Inspection inspection) {
    List<Map<String, String>> rows = inspection.firstRows();
    if (rows == null) {
      b.append("Rows: not shown (the file has nested or repeated columns)\n");
      return;
    }
    if (rows.isEmpty()) {
      return;
    }
    b.append("First ").append(rows.size()).append(rows.size() == 1 ? " row\n" : " rows\n");
    List<String> names = new ArrayList<>(rows.get(0).keySet());
    List<List<String>> table = new ArrayList<>();
    table.add(names);
    for (Map<String, String> row : rows) {
      table.add(names.stream().map(name -> shown(row.get(name))).toList());
    }
    int width = 0;
    for (int c = 0; c < names.size(); c++) {
      width += widthOf(table, c) + 2;
    }
    if (width <= MAX_TABLE_WIDTH) {
      table(b, table);
      return;
    }
    int nameWidth = names.stream().mapToInt(String::length).max().orElse(0);
    for (int r = 0; r < rows.size(); r++) {
      b.append("  row ").append(r).append('\n');
      for (int c = 0; c < names.size(); c++) {
        b.append("    ")
            .append(pad(names.get(c), nameWidth))
            .append("  ")
            .append(table.get(r + 1).get(c))
            .append('\n');
      }
    }
  }

  private static void apply(StringBuilder b, Inspection.ApplyOutput apply) {
    if (apply.source().equals("summary")) {
      b.append("Apply summary (from ").append(apply.summaryFile()).append(")\n");
      RunSummary.RowCounts r = apply.rows();
      b.append(
          String.format(
              Locale.ROOT,
              "  rows read %d: %d with products, %d no site matched, %d rejected%n",
              r.read(),
              r.withProducts(),
              r.noSite(),
              r.rejected()));
      RunSummary.ProductCounts p = apply.products();
      b.append(
          String.format(
              Locale.ROOT,
              "  products generated %d: %d in-batch duplicates, %d cross-batch duplicates,"
                  + " %d written; %d rejected, %d capped%n",
              p.generated(),
              p.inBatchDuplicates(),
              p.crossBatchDuplicates(),
              p.written(),
              p.rejected(),
              p.capped()));
      List<List<String>> table = new ArrayList<>();
      table.add(List.of("transform", "generated", "written"));
      apply
          .transforms()
          .forEach(
              (name, c) ->
                  table.add(
                      List.of(name, String.valueOf(c.generated()), Long.toString(c.written()))));
      table(b, table);
    } else {
      b.append("Products per transform (counted in the file; no summary at ")
          .append(apply.summaryFile())
          .append(")\n");
      List<List<String>> table = new ArrayList<>();
      table.add(List.of("transform", "written"));
      apply.transforms().forEach((name, c) -> table.add(List.of(name, Long.toString(c.written()))));
      table(b, table);
    }
    apply.warnings().forEach(w -> b.append("  warning: ").append(w).append('\n'));
  }

  /** Rows of cells, left-aligned in columns, two spaces apart, indented by two. */
  private static void table(StringBuilder b, List<List<String>> rows) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (int c = 0; c < columns; c++) {
      widths[c] = widthOf(rows, c);
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < columns; c++) {
        line.append(c == columns - 1 ? row.get(c) : pad(row.get(c), widths[c] + 2));
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static int widthOf(List<List<String>> rows, int column) {
    return rows.stream().mapToInt(row -> row.get(column).length()).max().orElse(0);
  }

  private static String shown(String cell) {
    if (cell == null) {
      return "NULL";
    }
    String shown = cell.replace("\n", "\\n").replace("\t", "\\t");
    return shown.length() <= MAX_CELL ? shown : shown.substring(0, MAX_CELL - 3) + "...";
  }

  private static String cut(String text, int max) {
    return text.length() <= max
        ? text
        : text.substring(0, max - 3) + "... (" + text.length() + " chars)";
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private static void line(StringBuilder b, String label, String value) {
    b.append(pad(label, 16)).append(value).append('\n');
  }

  /** Bytes in B, KB, MB or GB (powers of 1024), one decimal. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
