package org.transformpipeline.parquet;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.transformpipeline.text.ErrorText;

/**
 * The commit protocol of every output file: content goes to a hidden temporary file in the target's
 * directory ({@code .<name>.<random>.tmp}); {@link #publish()} makes it durable and gives it the
 * target name with an atomic rename (or hard link), {@link #discard()} deletes it. The target path
 * therefore never holds a partial file. Not thread-safe.
 */
public final class StagedFile {

  private final Path target;
  private final Path temp;
  private final boolean overwrite;

  private StagedFile(Path target, Path temp, boolean overwrite) {
    this.target = target;
    this.temp = temp;
    this.overwrite = overwrite;
  }

  /**
   * Checks the target and picks the temporary file's name (the file is not created).
   *
   * @param target the file to create on publish
   * @param overwrite whether an existing target may be replaced
   * @throws OutputException with a one-line message when the target exists (and not {@code
   *     overwrite}), is a directory, or its directory is missing or not writable
   */
  public static StagedFile of(Path target, boolean overwrite) {
    Objects.requireNonNull(target, "target");
    Path absolute = target.toAbsolutePath().normalize();
    checkTarget(target, absolute, overwrite);
    StagedFile staged =
        new StagedFile(target, absolute.resolveSibling(tempName(absolute)), overwrite);
    staged.temp.toFile().deleteOnExit(); // an interrupted run (Ctrl-C) leaves no temporary file
    return staged;
  }

  /** The path the file is published to. */
  public Path target() {
    return target;
  }

  /** The temporary file to write. */
  public Path temp() {
    return temp;
  }

  /**
   * Forces the temporary file to disk and publishes it at the target. Without overwrite, a file
   * that appeared at the target meanwhile is not replaced (an error). The temporary file is gone
   * afterwards, whether this succeeds or not.
   *
   * @throws OutputException naming the target when publishing fails
   */
  public void publish() {
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true); // the data is on disk before the name points at it
      }
      move();
    } catch (IOException e) {
      throw new OutputException(target + ": cannot finish output: " + ErrorText.oneLine(e), e);
    } finally {
      discard();
    }
  }

  /** Deletes the temporary file if it exists. Idempotent. */
  public void discard() {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // deleteOnExit retries at shutdown
    }
  }

  private void move() throws IOException {
    if (overwrite) {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    // rename(2) silently replaces an existing file; a hard link does not, and is just as atomic.
    try {
      Files.createLink(target, temp);
      return;
    } catch (FileAlreadyExistsException e) {
      throw appeared();
    } catch (UnsupportedOperationException | IOException e) {
      // The file system has no hard links: check, then rename (a small window remains).
    }
    if (Files.exists(target)) {
      throw appeared();
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new OutputException(target + ": the file system cannot rename atomically", e);
    }
  }

  private OutputException appeared() {
    return new OutputException(
        "output file appeared while writing, not replaced: " + target + " (use --overwrite)");
  }

  private static void checkTarget(Path target, Path absolute, boolean overwrite) {
    if (Files.isDirectory(absolute)) {
      throw new OutputException("output path is a directory: " + target);
    }
    if (!overwrite && Files.exists(absolute)) {
      throw new OutputException("output file already exists: " + target + " (use --overwrite)");
    }
    Path dir = absolute.getParent();
    if (!Files.exists(dir)) {
      throw new OutputException("output directory does not exist: " + dir);
    }
    if (!Files.isDirectory(dir)) {
      throw new OutputException("output directory is not a directory: " + dir);
    }
    if (!Files.isWritable(dir)) {
      throw new OutputException("output directory is not writable: " + dir);
    }
  }

  private static String tempName(Path target) {
    byte[] random = new byte[6];
    ThreadLocalRandom.current().nextBytes(random);
    return "." + target.getFileName() + "." + HexFormat.of().formatHex(random) + ".tmp";
  }
}
