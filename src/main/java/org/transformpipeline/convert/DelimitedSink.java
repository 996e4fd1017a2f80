package org.transformpipeline.convert;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes a CSV or TSV file: a header row, then every column of every record. A null cell is an
 * empty field; a field is quoted with {@code "} (inner quotes doubled) when it is empty (so that it
 * reads back as the empty string, not null), holds the delimiter, a quote or a line break, or
 * starts a line with {@code #}. Records without SMILES are written too. Not thread-safe.
 */
final class DelimitedSink implements MoleculeSink {

  private final TextOutput out;
  private final char delimiter;
  private final StringBuilder line = new StringBuilder();
  private long written;

  /**
   * @param format CSV or TSV
   */
  DelimitedSink(Path target, boolean overwrite, MoleculeColumns columns, FileFormat format) {
    this.delimiter = format == FileFormat.TSV ? '\t' : ',';
    this.out = TextOutput.create(target, overwrite);
    try {
      writeLine(columns.names().toArray(String[]::new));
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  @Override
  public SkippedRecord write(MoleculeRecord record) {
    writeLine(record.cells());
    written++;
    return null;
  }

  private void writeLine(String[] cells) {
    line.setLength(0);
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append(delimiter);
      }
      append(cells[i], i == 0);
    }
    out.write(line.append('\n'));
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

  @Override
  public long written() {
    return written;
  }

  @Override
  public List<String> notes() {
    return List.of();
  }

  @Override
  public void commit() {
    out.commit();
  }

  @Override
  public void close() {
    out.close();
  }
}
