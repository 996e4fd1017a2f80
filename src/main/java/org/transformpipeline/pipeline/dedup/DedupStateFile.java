package org.transformpipeline.pipeline.dedup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * {@code --dedup-state FILE}: the cross-batch dedup state saved at the end of a run and loaded at
 * the start of the next, so that a library split into parts and processed in several runs gives the
 * same unique products as one run.
 *
 * <p>Format (big-endian): the magic {@code TPDEDUP2}, the mode ({@code bloom} or {@code exact}) and
 * the key function as UTF strings, then for {@code exact} the key count and every key (two longs),
 * for {@code bloom} the first stage's expected insertions and the target rate, the counters and
 * every stage as {@link SplitBlockBloomFilter#writeTo} (layout and words; {@code TPDEDUP1} files
 * held Guava filters, which this version does not read). A state is only loaded by a run with the
 * same mode, key function and (for bloom) sizing and rate: anything else would silently change what
 * counts as a duplicate.
 *
 * <p>Each file is identified by a checksum (CRC32C and size) so that {@code --resume} can tell
 * whether the state it finds is the one the interrupted run started from.
 *
 * <p>Stateless, thread-safe.
 */
public final class DedupStateFile {

  /** The checksum recorded for "no state file". */
  public static final String ABSENT = "absent";

  /** How product keys are made; a state made with other keys must not be mixed in. */
  static final String KEY_FUNCTION = "murmur3_128(UTF-8 canonical product SMILES)";

  private static final String MAGIC = "TPDEDUP2";

  /** The magic of the files earlier builds wrote, with Guava's Bloom filters. */
  private static final String MAGIC_GUAVA = "TPDEDUP1";

  private DedupStateFile() {}

  /**
   * A loaded (or new) deduplicator and the checksum of the file it came from ({@link #ABSENT} when
   * there was no file).
   */
  public record Loaded(Deduplicator dedup, String checksum) {}

  /**
   * A state written to a temporary file next to its target, with its checksum; {@link #publish}
   * renames it into place, {@link #discard} deletes it.
   */
  public record Staged(Path temp, Path target, String checksum) {
    /** Renames the state into place atomically. */
    public void publish() throws IOException {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes the temporary file. */
    public void discard() {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // a stray hidden temporary file; nothing else depends on it
      }
    }
  }

  /**
   * Loads the state from {@code file} if it exists, else makes a new deduplicator.
   *
   * @throws DedupStateException when the file holds another mode, key function or sizing ({@link
   *     DedupStateException#mismatch()}), or cannot be read
   */
  public static Loaded load(Path file, DedupMode mode, long expectedProducts, double fpp) {
    if (mode == DedupMode.NONE) {
      throw new DedupStateException(true, "--dedup-state needs --dedup bloom or exact, not none");
    }
    if (!Files.exists(file)) {
      return new Loaded(mode.create(expectedProducts, fpp), ABSENT);
    }
    CRC32C crc = new CRC32C();
    try (InputStream raw = Files.newInputStream(file);
        CheckedInputStream checked = new CheckedInputStream(raw, crc);
        DataInputStream in = new DataInputStream(new BufferedInputStream(checked, 1 << 16))) {
      byte[] magic = new byte[MAGIC.length()];
      in.readFully(magic);
      String fileMagic = new String(magic, java.nio.charset.StandardCharsets.US_ASCII);
      if (fileMagic.equals(MAGIC_GUAVA)) {
        throw new DedupStateException(
            true,
            file
                + " is a dedup state of an earlier build (format TPDEDUP1, Guava Bloom filters),"
                + " which this build does not read: run the earlier parts again to make a new one");
      }
      if (!MAGIC.equals(fileMagic)) {
        throw new DedupStateException(false, file + ": not a dedup state file");
      }
      String fileMode = in.readUTF();
      String keys = in.readUTF();
      if (!fileMode.equals(mode.optionValue())) {
        throw new DedupStateException(
            true,
            file
                + " holds a "
                + fileMode
                + " dedup state; this run uses --dedup "
                + mode.optionValue());
      }
      if (!keys.equals(KEY_FUNCTION)) {
        throw new DedupStateException(
            true, file + " holds keys made by " + keys + ", not " + KEY_FUNCTION);
      }
      Deduplicator dedup;
      if (mode == DedupMode.EXACT) {
        ExactDeduplicator exact = new ExactDeduplicator(expectedProducts);
        exact.readKeys(in);
        dedup = exact;
      } else {
        long expected = in.readLong();
        double rate = in.readDouble();
        if (expected != expectedProducts || rate != fpp) {
          throw new DedupStateException(
              true,
              String.format(
                  Locale.ROOT,
                  "%s was made with --expected-products %d --bloom-fpp %s; this run uses %d and"
                      + " %s",
                  file,
                  expected,
                  rate,
                  expectedProducts,
                  fpp));
        }
        dedup = ScalableBloomDeduplicator.readState(in, expected, rate);
      }
      if (in.read() != -1) {
        throw new DedupStateException(false, file + ": unexpected bytes after the dedup state");
      }
      return new Loaded(dedup, checksum(crc, Files.size(file)));
    } catch (EOFException e) {
      throw new DedupStateException(false, file + ": truncated dedup state file");
    } catch (IOException | RuntimeException e) {
      if (e instanceof DedupStateException d) {
        throw d;
      }
      throw new DedupStateException(
          false, file + ": cannot read the dedup state: " + e.getMessage());
    }
  }

  /**
   * Writes the state to a temporary file next to {@code file} (fsynced), to be published once the
   * run's outputs are safe.
   */
  public static Staged stage(Path file, Deduplicator dedup) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    Path dir = absolute.getParent();
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp", umaskOnly(dir));
    CRC32C crc = new CRC32C();
    long size;
    try {
      try (OutputStream raw = Files.newOutputStream(temp);
          CheckedOutputStream checked = new CheckedOutputStream(raw, crc);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16))) {
        out.write(MAGIC.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeUTF(dedup.mode());
        out.writeUTF(KEY_FUNCTION);
        if (dedup instanceof ExactDeduplicator exact) {
          exact.writeKeys(out);
        } else if (dedup instanceof ScalableBloomDeduplicator bloom) {
          out.writeLong(bloom.initialExpected());
          out.writeDouble(bloom.fpp());
          bloom.writeState(out);
        } else {
          throw new IllegalArgumentException("no state to save for --dedup " + dedup.mode());
        }
        out.flush();
      }
      size = Files.size(temp);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return new Staged(temp, absolute, checksum(crc, size));
  }

  /**
   * Permissions for the state file: what any new file gets (rw-rw-rw- less the umask), not the
   * owner-only rw------- of {@code createTempFile}, so another account can read the state as it can
   * the run's outputs.
   */
  private static FileAttribute<?>[] umaskOnly(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-"))
        }
        : new FileAttribute<?>[0];
  }

  private static String checksum(CRC32C crc, long size) {
    return "crc32c:" + HexFormat.of().toHexDigits((int) crc.getValue()) + ",bytes:" + size;
  }
}
