package org.transformpipeline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transformpipeline.parquet.ParquetFooter;
import org.transformpipeline.parquet.ProductWriter;
import org.transformpipeline.parquet.TextRowReader;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;

/**
 * What {@code inspect} found in a Parquet file: the footer's facts, the first rows as text, and for
 * an output of {@code apply} its run summary or, without one, the products per transform counted in
 * the file. Immutable once built.
 *
 * @param file the file as given
 * @param footer schema, row count, row groups, codecs and key/value metadata
 * @param firstRows the first rows, each a map from column name to text (null cells as null), in
 *     column order; null when the file has nested columns (not shown)
 * @param apply the run summary of an output of {@code apply}, or null for any other file
 */
record Inspection(
    String file, ParquetFooter footer, List<Map<String, String>> firstRows, ApplyOutput apply) {

  /**
   * What {@code apply} did to make the file.
   *
   * @param source {@code summary} when read from {@code summaryFile}, {@code counted} when counted
   *     in the file
   * @param summaryFile the {@code <file>.summary.json} path looked for
   * @param rows what became of the input rows (null when counted)
   * @param products what became of the products (null when counted)
   * @param transforms per transform: products generated (null when counted) and written
   * @param warnings why the summary could not be used, or where it disagrees with the file
   */
  record ApplyOutput(
      String source,
      String summaryFile,
      RunSummary.RowCounts rows,
      RunSummary.ProductCounts products,
      Map<String, TransformCount> transforms,
      List<String> warnings) {}

  /** Products of one transform: generated (null when unknown) and written. */
  record TransformCount(Long generated, long written) {}

  /**
   * Inspects a file.
   *
   * @param rows how many of the first rows to read, 0 for none
   * @throws org.transformpipeline.parquet.InputException when the file is not readable Parquet
   */
  static Inspection of(Path file, int rows) {
    ParquetFooter footer = ParquetFooter.read(file);
    List<Map<String, String>> firstRows = footer.flat() ? firstRows(file, rows) : null;
    ApplyOutput apply =
        ProductWriter.isProductsFile(footer.metadata()) ? applyOutput(file, footer) : null;
    return new Inspection(file.toString(), footer, firstRows, apply);
  }

  private static List<Map<String, String>> firstRows(Path file, int rows) {
    List<Map<String, String>> first = new ArrayList<>();
    if (rows == 0) {
      return first;
    }
    try (TextRowReader reader = TextRowReader.open(file)) {
      List<String> columns = reader.columns();
      while (first.size() < rows) {
        String[] cells = reader.next();
        if (cells == null) {
          break;
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
          row.put(columns.get(i), cells[i]);
        }
        first.add(row);
      }
    }
    return first;
  }

  private static ApplyOutput applyOutput(Path file, ParquetFooter footer) {
    Path summaryFile = SummaryReport.jsonPathFor(file);
    List<String> warnings = new ArrayList<>();
    if (Files.isRegularFile(summaryFile)) {
      try {
        RunSummary summary = SummaryReport.readJson(summaryFile);
        Map<String, TransformCount> transforms = new LinkedHashMap<>();
        summary.transforms().forEach((name, c) -> transforms.put(name, count(c)));
        if (summary.products().written() != footer.rowCount()) {
          warnings.add(
              "the summary says "
                  + summary.products().written()
                  + " products were written but the file has "
                  + footer.rowCount()
                  + " rows: the summary may belong to an earlier run");
        }
        return new ApplyOutput(
            "summary",
            summaryFile.toString(),
            summary.rows(),
            summary.products(),
            transforms,
            warnings);
      } catch (IOException | RuntimeException e) {
        warnings.add(
            "cannot read "
                + summaryFile
                + " ("
                + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ")
                + "); counted the products in the file instead");
      }
    }
    return new ApplyOutput(
        "counted", summaryFile.toString(), null, null, countPerTransform(file), warnings);
  }

  private static TransformCount count(RunSummary.TransformCounts counts) {
    return new TransformCount(counts.generated(), counts.written());
  }

  /** Rows per value of the transform column, streaming that one column. */
  private static Map<String, TransformCount> countPerTransform(Path file) {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (TextRowReader reader = TextRowReader.open(file, Set.of(ProductWriter.TRANSFORM_COLUMN))) {
      for (String[] row = reader.next(); row != null; row = reader.next()) {
        counts.merge(String.valueOf(row[0]), 1L, Long::sum);
      }
    }
    Map<String, TransformCount> transforms = new LinkedHashMap<>();
    counts.forEach((name, n) -> transforms.put(name, new TransformCount(null, n)));
    return transforms;
  }
}
