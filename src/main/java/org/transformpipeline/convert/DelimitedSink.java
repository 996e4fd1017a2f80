package org.transformpipeline.convert;

import java.nio.file.Path;

/**
 * Writes a CSV or TSV file: a header row, then every column of every record. A null cell is an
 * empty field; a field is quoted with {@code "} (inner quotes doubled) when it is empty (so that it
 * reads back as the empty string, not null), holds the delimiter, a quote or a line break, or
 * starts a line with {@code #}. Records without SMILES are written too. Not thread-safe.
 */
final class DelimitedSink extends TextSink {

  private final char delimiter;
  private final StringBuilder line = new StringBuilder();

  /**
   * @param format CSV or TSV
   */
  DelimitedSink(Path target, boolean overwrite, MoleculeColumns columns, FileFormat format) {
    super(target, overwrite);
    this.delimiter = format == FileFormat.TSV ? '\t' : ',';
    header(line(columns.names().toArray(String[]::new)));
  }

  @Override
  public SkippedRecord write(MoleculeRecord record) {
    record(line(record.cells()));
    return null;
  }

  /** The text of one line: the cells, delimited and quoted, and a line break. */
  private CharSequence line(String[] cells) {
    line.setLength(0);
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append(delimiter);
      }
      append(cells[i], i == 0);
    }
    return line.append('\n');
  }

  private void append(String value, boolean first) {
    if (value == null) {
      return;
    }
    boolean quote = value.isEmpty() || (first && value.strip().startsWith("#"));
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      line.append(value);
      return;
    }
    line.append('"').append(value.replace("\"", "\"\"")).append('"');
  }
}
