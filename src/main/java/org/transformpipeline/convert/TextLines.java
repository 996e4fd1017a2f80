package org.transformpipeline.convert;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The lines of a UTF-8 text file, numbered from 1, gunzipped when the file is gzip (recognised by
 * its content, not its name). A byte-order mark is dropped; bytes that are not UTF-8 are an error,
 * not silently replaced. Not thread-safe.
 */
final class TextLines implements AutoCloseable {

  private static final int BUFFER = 1 << 16;

  private final Path file;
  private final BufferedReader reader;
  private long number;

  private TextLines(Path file, BufferedReader reader) {
    this.file = file;
    this.reader = reader;
  }

  /**
   * Opens a file.
   *
   * @throws ConversionException naming the file when it is missing or cannot be opened
   */
  static TextLines open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConversionException(
          (Files.exists(file) ? "input is not a file: " : "input file not found: ") + file);
    }
    InputStream in = null;
    try {
      in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
      in.mark(2);
      boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
      in.reset();
      if (gzip) {
        in = new GZIPInputStream(in, BUFFER);
      }
      return new TextLines(
          file,
          new BufferedReader(
              new InputStreamReader(
                  in,
                  StandardCharsets.UTF_8
                      .newDecoder()
                      .onMalformedInput(CodingErrorAction.REPORT)
                      .onUnmappableCharacter(CodingErrorAction.REPORT)),
              BUFFER));
    } catch (IOException e) {
      if (in != null) {
        try {
          in.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw error(file, 0, e);
    }
  }

  /**
   * The next line without its line break, or null at the end of the file.
   *
   * @throws ConversionException naming the file and line when it cannot be read
   */
  String next() {
    try {
      String line = reader.readLine();
      if (line == null) {
        return null;
      }
      number++;
      return number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    } catch (IOException e) {
      throw error(file, number + 1, e);
    }
  }

  /** The number of the line {@link #next()} returned last (0 before the first). */
  long number() {
    return number;
  }

  /** The file being read. */
  Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw error(file, 0, e);
    }
  }

  /** A one-line error about the file at a line (0: no line). */
  static ConversionException error(Path file, long line, Exception e) {
    String what =
        e instanceof CharacterCodingException
            ? "not UTF-8 text"
            : e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().replaceAll("\\s*\\R\\s*", " ");
    return new ConversionException(
        file + (line > 0 ? ":" + line : "") + ": cannot read: " + what, e);
  }
}
