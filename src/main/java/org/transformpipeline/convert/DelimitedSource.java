package org.transformpipeline.convert;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a SMILES text file record by record: a {@code .smi} file (SMILES, then the rest of the line
 * after a tab or spaces as the id; a first line starting with the word {@code smiles} is a header),
 * or a CSV/TSV file with a header row, whose every column is kept. Blank lines and lines starting
 * with {@code #} are skipped. CSV/TSV fields may be quoted with {@code "} (a doubled quote is one
 * quote; a quoted field may span lines); an unquoted empty field is null, a quoted one ({@code ""})
 * the empty string. SMILES and id are stripped of surrounding spaces, other cells kept as they are.
 * A record with the wrong number of fields is skipped and reported. Not thread-safe.
 */
final class DelimitedSource extends LineSource {

  /** Longest record (in characters) a quoted field may make before the file is refused. */
  static final int MAX_RECORD_CHARS = 1 << 24;

  private final FileFormat format;
  private final Records records;
  private boolean contentSeen;

  private DelimitedSource(
      TextLines lines,
      FileFormat format,
      Records records,
      MoleculeColumns columns,
      List<String> notes) {
    super(lines, columns, notes);
    this.format = format;
    this.records = records;
  }

  /**
   * Opens a file; for CSV/TSV reads the header and finds the SMILES and id columns (each matched
   * exactly, else ignoring case).
   *
   * @param format SMI, CSV or TSV
   * @param smilesColumn the SMILES column (CSV/TSV), null for {@code smiles}
   * @param idColumn the id column (CSV/TSV; must exist), null for {@code id} if there is one
   * @throws ConversionException when the file cannot be read or lacks a named column
   */
  static DelimitedSource open(Path file, FileFormat format, String smilesColumn, String idColumn) {
    TextLines lines = TextLines.open(file);
    try {
      if (format == FileFormat.SMI) {
        return new DelimitedSource(
            lines, format, null, new MoleculeColumns(List.of("smiles", "id"), 0, 1), List.of());
      }
      if (format != FileFormat.CSV && format != FileFormat.TSV) {
        throw new IllegalArgumentException("not a delimited format: " + format);
      }
      Records records = new Records(lines, format == FileFormat.TSV ? '\t' : ',');
      List<String> header = records.next();
      if (header == null) {
        throw new ConversionException(file + ": no header row (the file has no content)");
      }
      int smiles = column(header, smilesColumn == null ? "smiles" : smilesColumn);
      if (smiles < 0) {
        throw new ConversionException(
            file
                + ": no SMILES column '"
                + (smilesColumn == null ? "smiles" : smilesColumn)
                + "' in the header (columns: "
                + String.join(", ", header)
                + "); use --smiles-column");
      }
      int id = column(header, idColumn == null ? "id" : idColumn);
      if (idColumn != null && (id < 0 || id == smiles)) {
        throw new ConversionException(
            file
                + ": no id column '"
                + idColumn
                + "' in the header (columns: "
                + String.join(", ", header)
                + ")");
      }
      List<String> notes = new ArrayList<>();
      List<String> names = ColumnNames.unique(header, List.of(), notes);
      notes.replaceAll(renamed -> "column " + renamed + " (blank or repeated name)");
      return new DelimitedSource(
          lines,
          format,
          records,
          new MoleculeColumns(names, smiles, id == smiles ? -1 : id),
          notes);
    } catch (RuntimeException e) {
      lines.close();
      throw e;
    }
  }

  @Override
  public ReadResult next() {
    if (format == FileFormat.SMI) {
      return nextSmiLine();
    }
    List<String> fields = records.next();
    if (fields == null) {
      return null;
    }
    long line = records.start();
    if (fields.size() != columns().size()) {
      return new SkippedRecord(
          line,
          "wrong number of fields",
          fields.size() + " fields, the header has " + columns().size());
    }
    String[] cells = fields.toArray(String[]::new);
    cells[columns().smiles()] = stripped(cells[columns().smiles()]);
    if (columns().id() >= 0) {
      cells[columns().id()] = stripped(cells[columns().id()]);
    }
    return new MoleculeRecord(line, cells);
  }

  private ReadResult nextSmiLine() {
    String text;
    while ((text = lines.next()) != null) {
      if (isSkippable(text)) {
        continue;
      }
      String smiles;
      String id;
      int tab = text.indexOf('\t');
      if (tab >= 0) {
        smiles = text.substring(0, tab).strip();
        id = text.substring(tab + 1);
      } else {
        String trimmed = text.strip();
        int space = indexOfWhitespace(trimmed);
        smiles = space < 0 ? trimmed : trimmed.substring(0, space);
        id = space < 0 ? "" : trimmed.substring(space + 1);
      }
      boolean first = !contentSeen;
      contentSeen = true;
      if (first && smiles.equalsIgnoreCase("smiles")) {
        continue; // a header line
      }
      return new MoleculeRecord(lines.number(), new String[] {stripped(smiles), stripped(id)});
    }
    return null;
  }

  /**
   * Splits a CSV/TSV record: fields may be quoted with {@code "}, a doubled quote inside a quoted
   * field is one quote. An unquoted empty field is null. The record must have no open quote.
   */
  static List<String> split(CharSequence record, char delimiter) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < record.length(); i++) {
      char c = record.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        wasQuoted = true;
      } else if (c == delimiter) {
        fields.add(field.isEmpty() && !wasQuoted ? null : field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else {
        field.append(c);
      }
    }
    fields.add(field.isEmpty() && !wasQuoted ? null : field.toString());
    return fields;
  }

  /** Index of the column named exactly {@code name}, else ignoring case; -1 when absent. */
  private static int column(List<String> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i) != null && columns.get(i).strip().equals(name)) {
        return i;
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i) != null && columns.get(i).strip().toLowerCase(Locale.ROOT).equals(lower)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isSkippable(String line) {
    String stripped = line.strip();
    return stripped.isEmpty() || stripped.startsWith("#");
  }

  private static int indexOfWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The value stripped of surrounding white space; null when nothing is left. */
  private static String stripped(String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** Reads CSV/TSV records: skips blank and comment lines, joins lines inside a quoted field. */
  private static final class Records {
    private final TextLines lines;
    private final char delimiter;
    private long start;

    Records(TextLines lines, char delimiter) {
      this.lines = lines;
      this.delimiter = delimiter;
    }

    /**
     * The fields of the next record, or null at the end.
     *
     * @throws ConversionException naming the line where a never-closed quote starts
     */
    List<String> next() {
      String text;
      do {
        text = lines.next();
      } while (text != null && isSkippable(text));
      if (text == null) {
        return null;
      }
      start = lines.number();
      StringBuilder record = new StringBuilder(text);
      boolean quoted = endsQuoted(text, false);
      while (quoted) {
        String more = record.length() > MAX_RECORD_CHARS ? null : lines.next();
        if (more == null) {
          throw new ConversionException(
              lines.file()
                  + ":"
                  + start
                  + ": unterminated quote"
                  + (record.length() > MAX_RECORD_CHARS
                      ? " (the record runs past " + (MAX_RECORD_CHARS >> 20) + "M characters)"
                      : ""));
        }
        record.append('\n').append(more);
        quoted = endsQuoted(more, true);
      }
      return split(record, delimiter);
    }

    /** The line the last record started on. */
    long start() {
      return start;
    }

    /** Whether a quote is open at the end of this line, given whether one was at its start. */
    private static boolean endsQuoted(String line, boolean quoted) {
      for (int i = 0; i < line.length(); i++) {
        if (line.charAt(i) == '"') {
          if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            i++;
          } else {
            quoted = !quoted;
          }
        }
      }
      return quoted;
    }
  }
}
