package org.transformpipeline.parquet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.transformpipeline.text.ErrorText;

/** Small facts shared by the Parquet readers and writers. Stateless, thread-safe. */
public final class ParquetFiles {

  /** Footer key holding the version of the tool that wrote the file. */
  public static final String VERSION_KEY = "transform-pipeline.version";

  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private ParquetFiles() {}

  /** The version from the jar manifest, or "dev" when run from classes. */
  public static String toolVersion() {
    String version = ParquetFiles.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** True when the file starts with the Parquet magic bytes {@code PAR1}. */
  static boolean startsWithMagic(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    } catch (IOException e) {
      return false;
    }
  }

  /** True when the file ends with the Parquet magic bytes (a complete file does). */
  static boolean endsWithMagic(Path file) {
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      if (channel.size() < MAGIC.length) {
        return false;
      }
      ByteBuffer tail = ByteBuffer.allocate(MAGIC.length);
      channel.position(channel.size() - MAGIC.length);
      while (tail.hasRemaining() && channel.read(tail) >= 0) {
        // fill
      }
      return Arrays.equals(tail.array(), MAGIC);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Checks that an input file exists, is a file and is readable.
   *
   * @throws InputException naming the file otherwise
   */
  static void checkReadable(Path input) {
    if (!Files.exists(input)) {
      throw new InputException("input file not found: " + input);
    }
    if (Files.isDirectory(input)) {
      throw new InputException("input is a directory, not a Parquet file: " + input);
    }
    if (!Files.isReadable(input)) {
      throw new InputException("input file is not readable: " + input);
    }
  }

  /** Why Parquet could not open a file: not Parquet, truncated, or corrupt, in one line. */
  static InputException unreadable(Path input, Exception e) {
    if (e instanceof InputException ie) {
      return ie;
    }
    if (!startsWithMagic(input)) {
      return new InputException(input + ": not a Parquet file (it does not start with PAR1)", e);
    }
    if (!endsWithMagic(input)) {
      return new InputException(
          input + ": truncated Parquet file (no footer: it does not end with PAR1)", e);
    }
    return new InputException(input + ": corrupt Parquet file (" + ErrorText.oneLine(e) + ")", e);
  }
}
