package org.transformpipeline.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import org.transformpipeline.parquet.OutputException;
import org.transformpipeline.text.ErrorText;

/**
 * The work directory of a run, {@code <output>.parts/} next to the output: the committed parts of
 * the products and rejects files and {@code manifest.json}, which says which parts are complete and
 * the counts after them. A killed run leaves it behind; {@code apply --resume} goes on from it. A
 * lock file keeps two runs from writing the same directory.
 *
 * <p>Not thread-safe: used by the consumer thread (and the command before and after the run).
 */
public final class RunParts implements AutoCloseable {

  /** The manifest's file name. */
  public static final String MANIFEST = "manifest.json";

  private static final String LOCK = "lock";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private RunParts(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** The parts directory of an output file: {@code <output>.parts} in the same directory. */
  public static Path dirFor(Path output) {
    Path absolute = output.toAbsolutePath().normalize();
    return absolute.resolveSibling(absolute.getFileName() + ".parts");
  }

  /**
   * Opens the parts directory of an output, creating it if missing, and locks it.
   *
   * @throws OutputException when it cannot be created, or another run holds its lock
   */
  public static RunParts open(Path output) {
    Path dir = dirFor(output);
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel =
          FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new OverlappingFileLockException();
      }
      return new RunParts(dir, channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new OutputException(
          "another run is writing " + output + " (its parts in " + dir + " are locked)");
    } catch (IOException e) {
      closeQuietly(channel);
      throw new OutputException(
          "cannot create the parts directory " + dir + ": " + ErrorText.oneLine(e), e);
    }
  }

  /**
   * Whether the parts directory of an output holds work a {@code --resume} would keep: a manifest
   * with a committed part, or a complete one. Reads without taking the lock.
   */
  public static boolean holdsFinishedWork(Path output) {
    Path manifest = dirFor(output).resolve(MANIFEST);
    try {
      PartManifest m = JSON.readValue(manifest.toFile(), PartManifest.class);
      return !m.parts().isEmpty() || m.complete();
    } catch (IOException e) {
      return false;
    }
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /** A file in the directory. */
  Path file(String name) {
    return dir.resolve(name);
  }

  /**
   * The manifest, or empty when none was written yet (a run killed before its first part).
   *
   * @throws OutputException when it exists but cannot be read
   */
  public Optional<PartManifest> readManifest() {
    Path file = dir.resolve(MANIFEST);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), PartManifest.class));
    } catch (IOException e) {
      throw new OutputException(
          file
              + ": unreadable manifest ("
              + ErrorText.oneLine(e)
              + "); use --overwrite to"
              + " start over",
          e);
    }
  }

  /** Writes the manifest atomically (temp file, fsync, rename, fsync of the directory). */
  public void writeManifest(PartManifest manifest) {
    Path target = dir.resolve(MANIFEST);
    Path temp = dir.resolve("." + MANIFEST + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        JSON.writeValue(out, manifest);
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory();
    } catch (IOException e) {
      throw new OutputException(target + ": cannot write: " + ErrorText.oneLine(e), e);
    }
  }

  /**
   * Deletes every file the manifest does not name: a part published after the last manifest was
   * written, temporary files of a killed run.
   */
  public void keepOnly(PartManifest manifest) {
    Set<String> keep = new HashSet<>(List.of(MANIFEST, LOCK));
    for (PartManifest.Part part : manifest.parts()) {
      keep.add(part.products());
      keep.add(part.rejects());
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        if (!keep.contains(file.getFileName().toString())) {
          Files.delete(file);
        }
      }
    } catch (IOException e) {
      throw new OutputException(dir + ": cannot clean up: " + ErrorText.oneLine(e), e);
    }
  }

  /** Deletes the directory and everything in it, and releases the lock. */
  public void delete() {
    close();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
      Files.delete(dir);
    } catch (IOException e) {
      throw new OutputException(dir + ": cannot delete: " + ErrorText.oneLine(e), e);
    }
  }

  /**
   * Releases the lock after a run that did not finish: keeps the directory when it holds work worth
   * resuming (a committed part, or a complete manifest), else deletes it. Never throws (the failure
   * being reported matters more); a problem is logged.
   */
  public void release() {
    close();
    try {
      if (Files.isDirectory(dir)
          && readManifest().map(m -> m.parts().isEmpty() && !m.complete()).orElse(true)) {
        delete();
      }
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(RunParts.class).warn("{}", e.getMessage());
    }
  }

  /** Releases the lock; the directory stays. */
  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } catch (IOException e) {
      // closing the channel releases it too
    }
    closeQuietly(lockChannel);
  }

  private void syncDirectory() {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // not every file system can sync a directory; the rename itself is atomic
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing to do
      }
    }
  }
}
