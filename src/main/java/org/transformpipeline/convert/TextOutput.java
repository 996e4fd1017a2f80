package org.transformpipeline.convert;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;
import org.transformpipeline.parquet.StagedFile;

/**
 * A UTF-8 text output file, gzipped when its name ends with {@code .gz}, that appears at its target
 * only on {@link #commit()} ({@link StagedFile}). Not thread-safe.
 */
final class TextOutput implements AutoCloseable {

  private static final int BUFFER = 1 << 16;

  private final StagedFile staged;
  private final Writer writer;
  private boolean done;

  private TextOutput(StagedFile staged, Writer writer) {
    this.staged = staged;
    this.writer = writer;
  }

  /**
   * Checks the target and opens the temporary file.
   *
   * @throws org.transformpipeline.parquet.OutputException when the target cannot be written
   * @throws ConversionException when the temporary file cannot be created
   */
  static TextOutput create(Path target, boolean overwrite) {
    StagedFile staged = StagedFile.of(target, overwrite);
    try {
      OutputStream out = Files.newOutputStream(staged.temp(), StandardOpenOption.CREATE_NEW);
      if (FileFormat.isGzipName(target)) {
        out = new GZIPOutputStream(out, BUFFER);
      }
      return new TextOutput(
          staged, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER));
    } catch (IOException e) {
      staged.discard();
      throw new ConversionException(
          "cannot create temporary output file " + staged.temp() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes text.
   *
   * @throws ConversionException naming the target when writing fails
   */
  void write(CharSequence text) {
    try {
      writer.append(text);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** Finishes the file (and its gzip trailer) and publishes it at the target. */
  void commit() {
    if (done) {
      throw new IllegalStateException("output already finished: " + staged.target());
    }
    done = true;
    try {
      writer.close();
    } catch (IOException e) {
      staged.discard();
      throw failed(e);
    }
    staged.publish();
  }

  /** Deletes the temporary file unless committed. */
  @Override
  public void close() {
    if (done) {
      return;
    }
    done = true;
    try {
      writer.close();
    } catch (IOException e) {
      // being discarded
    }
    staged.discard();
  }

  private ConversionException failed(IOException e) {
    return new ConversionException(staged.target() + ": cannot write: " + e.getMessage(), e);
  }
}
