package org.transformpipeline.convert;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits an SD file into records without parsing the structures: the molfile block (up to and
 * including {@code M END}), its title (first line), and the data items ({@code > <name>}, then
 * value lines up to a blank line). A record ends at {@code $$$$} or at the end of the file. A
 * record longer than {@value #MAX_RECORD_CHARS} characters stops the run (a file without {@code
 * $$$$} separators would otherwise be read whole into memory). Not thread-safe.
 */
final class SdfRecords {

  /** Longest record (in characters) before the file is refused. */
  static final int MAX_RECORD_CHARS = 1 << 24;

  /**
   * One SD record.
   *
   * @param line the 1-based line the record starts on
   * @param molblock the molfile lines, each ending with a line break
   * @param title the first line stripped, or null when blank
   * @param properties the data items in file order; a name given twice has its values joined by a
   *     line break; an item without value lines has the empty string
   */
  record Entry(long line, String molblock, String title, Map<String, String> properties) {}

  private final TextLines lines;

  SdfRecords(TextLines lines) {
    this.lines = lines;
  }

  /**
   * The next record, or null at the end of the file (blank lines after the last {@code $$$$} are
   * not a record).
   *
   * @throws ConversionException when the file cannot be read or a record is too long
   */
  Entry next() {
    StringBuilder molblock = new StringBuilder();
    Map<String, String> properties = new LinkedHashMap<>();
    boolean inMolblock = true;
    boolean content = false;
    String name = null;
    StringBuilder value = new StringBuilder();
    int valueLines = 0;
    long start = lines.number() + 1;
    long chars = 0;
    String line;
    while ((line = lines.next()) != null) {
      chars += line.length() + 1;
      if (chars > MAX_RECORD_CHARS) {
        throw new ConversionException(
            lines.file()
                + ":"
                + start
                + ": SD record longer than "
                + (MAX_RECORD_CHARS >> 20)
                + "M characters (no $$$$ line?)");
      }
      content |= !line.isBlank();
      if (line.startsWith("$$$$")) {
        put(properties, name, value);
        return entry(start, molblock, properties);
      }
      if (inMolblock) {
        molblock.append(line).append('\n');
        inMolblock = !line.startsWith("M  END");
      } else if (name != null) {
        if (line.isBlank()) {
          put(properties, name, value);
          name = null;
        } else {
          value.append(valueLines++ == 0 ? "" : "\n").append(line);
        }
      } else if (line.startsWith(">")) {
        name = itemName(line);
        value.setLength(0);
        valueLines = 0;
      }
      // other lines between data items carry nothing
    }
    if (!content) {
      return null;
    }
    put(properties, name, value);
    return entry(start, molblock, properties);
  }

  private static Entry entry(long start, StringBuilder molblock, Map<String, String> properties) {
    int end = molblock.indexOf("\n");
    String title = end < 0 ? "" : molblock.substring(0, end).strip();
    return new Entry(start, molblock.toString(), title.isEmpty() ? null : title, properties);
  }

  private static void put(Map<String, String> properties, String name, StringBuilder value) {
    if (name != null) {
      properties.merge(name, value.toString(), (a, b) -> a + "\n" + b);
    }
  }

  /**
   * The name of a data item from its header line: the text between {@code <} and {@code >}, else
   * the rest of the line after {@code >}, else {@code property}.
   */
  static String itemName(String header) {
    int open = header.indexOf('<');
    int close = open < 0 ? -1 : header.indexOf('>', open + 1);
    String name =
        open >= 0 && close > open
            ? header.substring(open + 1, close).strip()
            : header.substring(1).strip();
    return name.isEmpty() ? "property" : name;
  }
}
