package org.transformpipeline.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;

/**
 * A directory no one can create files in, root included, for the "output directory not writable"
 * tests: mode r-xr-xr-x, and when that is not enforced (root, as in CI) also the ext4 immutable
 * attribute ({@code chattr +i}), which stops root too. A probe file is tried before the test runs:
 * the directory is known to refuse writes. {@link #close} makes it writable again (so the temporary
 * directory can be deleted). When neither works (no chattr, a file system without the attribute)
 * the test fails with CI set, and is skipped with the reason elsewhere.
 *
 * <p>Not thread-safe; one per test.
 */
public final class ReadOnlyDirectory implements AutoCloseable {

  private final Path dir;
  private final boolean immutable;

  private ReadOnlyDirectory(Path dir, boolean immutable) {
    this.dir = dir;
    this.immutable = immutable;
  }

  /** Makes {@code dir} (an existing directory) read-only for everyone, root included. */
  public static ReadOnlyDirectory of(Path dir) throws IOException, InterruptedException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    boolean immutable = false;
    String how = "chmod 555";
    if (acceptsFiles(dir)) { // root: the mode is not enforced
      how = "chmod 555 and chattr +i";
      immutable = chattr("+i", dir);
    }
    ReadOnlyDirectory readOnly = new ReadOnlyDirectory(dir, immutable);
    if (acceptsFiles(dir)) {
      readOnly.close();
      String why = "cannot make " + dir + " read-only for this user with " + how;
      if (Ci.isSet()) {
        throw new AssertionError(why + ", and CI is set: the test must run");
      }
      Assumptions.abort("SKIPPED: " + why);
    }
    return readOnly;
  }

  /** Whether a file can be created in the directory (the probe is deleted again). */
  private static boolean acceptsFiles(Path dir) throws IOException {
    Path probe = dir.resolve(".write-probe");
    try {
      Files.createFile(probe);
    } catch (FileSystemException e) {
      return false;
    }
    Files.delete(probe);
    return true;
  }

  private static boolean chattr(String flag, Path dir) throws IOException, InterruptedException {
    Process p;
    try {
      p =
          new ProcessBuilder("chattr", flag, dir.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.PIPE)
              .start();
    } catch (IOException e) {
      return false; // no chattr
    }
    new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return p.waitFor() == 0;
  }

  /** Writable again: the immutable attribute off, mode rwxr-xr-x. */
  @Override
  public void close() throws IOException {
    if (immutable) {
      try {
        if (!chattr("-i", dir)) {
          throw new IOException("chattr -i " + dir + " failed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
