package org.transformpipeline.cli;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads molecules from a SMILES text file one line at a time (bounded memory): a {@code .smi} file,
 * or a CSV/TSV file with a header row. Gzipped files are recognised by their content. Blank lines
 * and lines starting with {@code #} are skipped; a line without a SMILES is returned with a null
 * SMILES so the caller can report it. Not thread-safe.
 */
final class SmilesTextReader implements Closeable {

  /**
   * One content line.
   *
   * @param number 1-based line number in the file
   * @param smiles the SMILES, or null when the line has none
   * @param id the id, or null when the line has none
   */
  record Line(long number, String smiles, String id) {}

  private final Path file;
  private final TextFormat format;
  private final BufferedReader reader;
  private final int smilesIndex;
  private final int idIndex;
  private long lineNumber;
  private boolean contentSeen;

  private SmilesTextReader(
      Path file,
      TextFormat format,
      BufferedReader reader,
      int smilesIndex,
      int idIndex,
      long lineNumber) {
    this.file = file;
    this.format = format;
    this.reader = reader;
    this.smilesIndex = smilesIndex;
    this.idIndex = idIndex;
    this.lineNumber = lineNumber;
  }

  /**
   * Opens a file; for CSV/TSV reads the header and finds the SMILES column ({@code smilesColumn},
   * matched exactly or else ignoring case) and the {@code id} column (optional, ignoring case).
   *
   * @param format SMI, CSV or TSV (not AUTO)
   * @throws UserException (failure) when the file is missing or unreadable or has no such column
   */
  static SmilesTextReader open(Path file, TextFormat format, String smilesColumn) {
    if (format == TextFormat.AUTO) {
      throw new IllegalArgumentException("resolve AUTO first");
    }
    if (!Files.isRegularFile(file)) {
      throw UserException.failure(
          (Files.exists(file) ? "input is not a file: " : "input file not found: ") + file, null);
    }
    BufferedReader reader = null;
    try {
      reader = newReader(file);
      if (format == TextFormat.SMI) {
        return new SmilesTextReader(file, format, reader, 0, 1, 0);
      }
      long number = 0;
      String header;
      do {
        header = reader.readLine();
        number++;
        if (number == 1 && header != null) {
          header = stripBom(header);
        }
      } while (header != null && isSkippable(header));
      if (header == null) {
        throw UserException.failure(file + ": no header row (the file has no content)", null);
      }
      List<String> columns = split(header, delimiter(format));
      if (columns == null) {
        throw UserException.failure(file + ":" + number + ": unterminated quote in header", null);
      }
      int smiles = column(columns, smilesColumn);
      if (smiles < 0) {
        throw UserException.failure(
            file
                + ": no SMILES column '"
                + smilesColumn
                + "' in the header (columns: "
                + String.join(", ", columns)
                + "); use --smiles-column",
            null);
      }
      int id = column(columns, "id");
      return new SmilesTextReader(file, format, reader, smiles, id == smiles ? -1 : id, number);
    } catch (IOException | RuntimeException e) {
      closeQuietly(reader);
      throw e instanceof UserException ue ? ue : readError(file, 0, e);
    }
  }

  /**
   * The next content line, or null at the end of the file.
   *
   * @throws UserException (failure) naming the file and line on a read error or malformed line
   */
  Line next() {
    try {
      String text;
      while ((text = reader.readLine()) != null) {
        lineNumber++;
        if (lineNumber == 1) {
          text = stripBom(text);
        }
        if (isSkippable(text)) {
          continue;
        }
        Line line = format == TextFormat.SMI ? smiLine(text) : delimitedLine(text);
        if (line != null) {
          return line;
        }
      }
      return null;
    } catch (IOException e) {
      throw readError(file, lineNumber + 1, e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /**
   * SMILES then id: with a tab on the line, the fields between tabs; else the first word and the
   * rest of the line. A first line whose SMILES is the word "smiles" is a header and skipped.
   */
  private Line smiLine(String text) {
    String smiles;
    String id;
    if (text.indexOf('\t') >= 0) {
      String[] fields = text.split("\t", -1);
      smiles = fields[0].strip();
      id = fields[1].strip();
    } else {
      String trimmed = text.strip();
      int space = indexOfWhitespace(trimmed);
      smiles = space < 0 ? trimmed : trimmed.substring(0, space);
      id = space < 0 ? "" : trimmed.substring(space).strip();
    }
    boolean first = !contentSeen;
    contentSeen = true;
    if (first && smiles.equalsIgnoreCase("smiles")) {
      return null;
    }
    return new Line(lineNumber, smiles.isEmpty() ? null : smiles, id.isEmpty() ? null : id);
  }

  private Line delimitedLine(String text) {
    List<String> fields = split(text, delimiter(format));
    if (fields == null) {
      throw UserException.failure(file + ":" + lineNumber + ": unterminated quote", null);
    }
    String smiles = smilesIndex < fields.size() ? fields.get(smilesIndex).strip() : "";
    String id = idIndex >= 0 && idIndex < fields.size() ? fields.get(idIndex).strip() : "";
    return new Line(lineNumber, smiles.isEmpty() ? null : smiles, id.isEmpty() ? null : id);
  }

  /**
   * Splits a CSV/TSV line: fields may be quoted with {@code "}, a doubled quote inside a quoted
   * field is one quote. Returns null when a quote is not closed on the line.
   */
  static List<String> split(String line, char delimiter) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    fields.add(field.toString());
    return fields;
  }

  /** Index of the column named exactly {@code name}, else ignoring case; -1 when absent. */
  private static int column(List<String> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).strip().equals(name)) {
        return i;
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).strip().toLowerCase(Locale.ROOT).equals(lower)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isSkippable(String line) {
    String stripped = line.strip();
    return stripped.isEmpty() || stripped.startsWith("#");
  }

  private static char delimiter(TextFormat format) {
    return format == TextFormat.TSV ? '\t' : ',';
  }

  private static int indexOfWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  /** UTF-8 (malformed bytes are an error, not silently replaced), gunzipped if gzip. */
  private static BufferedReader newReader(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      in.mark(2);
      boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
      in.reset();
      if (gzip) {
        in = new GZIPInputStream(in, 1 << 16);
      }
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return new BufferedReader(
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)),
        1 << 16);
  }

  private static UserException readError(Path file, long line, Exception e) {
    String what =
        e instanceof CharacterCodingException ? "not UTF-8 text" : oneLine(e.getMessage(), e);
    return UserException.failure(file + (line > 0 ? ":" + line : "") + ": cannot read: " + what, e);
  }

  private static String oneLine(String message, Exception e) {
    return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s*\\R\\s*", " ");
  }

  private static void closeQuietly(Closeable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (IOException e) {
        // already failing
      }
    }
  }
}
