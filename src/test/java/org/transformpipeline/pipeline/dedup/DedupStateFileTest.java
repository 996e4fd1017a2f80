package org.transformpipeline.pipeline.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DedupStateFileTest {

  @TempDir Path dir;

  /** Keys 0..n-1 of a fixed random sequence (the all-zero key first, a special case). */
  private static long[][] keys(int n) {
    SplittableRandom random = new SplittableRandom(7);
    long[][] keys = new long[n][];
    keys[0] = new long[] {0, 0};
    for (int i = 1; i < n; i++) {
      keys[i] = new long[] {random.nextLong(), random.nextLong()};
    }
    return keys;
  }

  private Path saved(Deduplicator dedup, String name) throws IOException {
    Path file = dir.resolve(name);
    DedupStateFile.Staged staged = DedupStateFile.stage(file, dedup);
    staged.publish();
    assertEquals(
        staged.checksum(),
        DedupStateFile.load(
                file,
                DedupMode.valueOf(dedup.mode().toUpperCase(java.util.Locale.ROOT)),
                1000,
                1e-3)
            .checksum());
    return file;
  }

  @ParameterizedTest
  @EnumSource(
      value = DedupMode.class,
      names = {"EXACT", "BLOOM"})
  void aSavedStateRemembersEveryKeyAndItsStatistics(DedupMode mode) throws IOException {
    // 1,000 expected, 5,000 keys: the Bloom filter has grown to several stages
    Deduplicator original = mode.create(1000, 1e-3);
    long[][] keys = keys(5000);
    for (long[] key : keys) {
      original.addIfAbsent(key[0], key[1]);
    }
    Path file = saved(original, mode.optionValue() + ".state");

    DedupStateFile.Loaded loaded = DedupStateFile.load(file, mode, 1000, 1e-3);
    Deduplicator copy = loaded.dedup();
    assertEquals(original.describe(), copy.describe());
    assertEquals(original.memoryBytes(), copy.memoryBytes());
    assertEquals(original.expectedFalseDrops(), copy.expectedFalseDrops());
    for (long[] key : keys) {
      assertFalse(copy.addIfAbsent(key[0], key[1]), Arrays.toString(key));
    }
    // and it goes on exactly as the original would
    SplittableRandom more = new SplittableRandom(99);
    for (int i = 0; i < 3000; i++) {
      long hi = more.nextLong();
      long lo = more.nextLong();
      assertEquals(original.addIfAbsent(hi, lo), copy.addIfAbsent(hi, lo));
    }
    assertEquals(original.describe(), copy.describe());
    assertTrue(loaded.checksum().startsWith("crc32c:"), loaded.checksum());
  }

  @Test
  void aSavedStateHasThePermissionsOfAnyNewFileNotOwnerOnly() throws IOException {
    Deduplicator exact = DedupMode.EXACT.create(1000, 1e-3);
    Path file = saved(exact, "perm.state");
    // what the umask gives a new file here (rw-r--r-- under the usual 022)
    Path plain = Files.createFile(dir.resolve("plain"));

    assertEquals(
        PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void aMissingFileGivesAnEmptyStateMarkedAbsent() {
    DedupStateFile.Loaded loaded =
        DedupStateFile.load(dir.resolve("none.state"), DedupMode.EXACT, 10, 1e-6);
    assertEquals(DedupStateFile.ABSENT, loaded.checksum());
    assertTrue(loaded.dedup().addIfAbsent(1, 2));
  }

  @Test
  void aStateOfAnotherModeOrSizingIsRefusedAsAMismatch() throws IOException {
    Deduplicator bloom = DedupMode.BLOOM.create(1000, 1e-3);
    bloom.addIfAbsent(1, 2);
    Path file = dir.resolve("bloom.state");
    DedupStateFile.stage(file, bloom).publish();

    DedupStateException mode =
        assertThrows(
            DedupStateException.class,
            () -> DedupStateFile.load(file, DedupMode.EXACT, 1000, 1e-3));
    assertTrue(mode.mismatch());
    assertEquals(
        file + " holds a bloom dedup state; this run uses --dedup exact", mode.getMessage());

    DedupStateException sizing =
        assertThrows(
            DedupStateException.class,
            () -> DedupStateFile.load(file, DedupMode.BLOOM, 2000, 1e-3));
    assertTrue(sizing.mismatch());
    assertEquals(
        file
            + " was made with --expected-products 1000 --bloom-fpp 0.001; this run uses 2000"
            + " and 0.001",
        sizing.getMessage());
  }

  @Test
  void aDamagedFileIsRefusedAsUnreadable() throws IOException {
    Deduplicator exact = DedupMode.EXACT.create(10, 1e-6);
    for (long[] key : keys(100)) {
      exact.addIfAbsent(key[0], key[1]);
    }
    Path file = dir.resolve("exact.state");
    DedupStateFile.stage(file, exact).publish();
    byte[] bytes = Files.readAllBytes(file);

    Path truncated = Files.write(dir.resolve("truncated.state"), Arrays.copyOf(bytes, 500));
    DedupStateException e =
        assertThrows(
            DedupStateException.class,
            () -> DedupStateFile.load(truncated, DedupMode.EXACT, 10, 1e-6));
    assertFalse(e.mismatch());
    assertEquals(truncated + ": truncated dedup state file", e.getMessage());

    Path other = Files.writeString(dir.resolve("other.state"), "not a state at all");
    assertEquals(
        other + ": not a dedup state file",
        assertThrows(
                DedupStateException.class,
                () -> DedupStateFile.load(other, DedupMode.EXACT, 10, 1e-6))
            .getMessage());
  }

  @Test
  void aStateOfAnEarlierBuildWithGuavaFiltersIsAMismatchNamingWhatToDo() throws IOException {
    Path old = dir.resolve("old.state");
    Files.write(old, "TPDEDUP1 and the rest of a Guava filter".getBytes(StandardCharsets.US_ASCII));

    DedupStateException e =
        assertThrows(
            DedupStateException.class, () -> DedupStateFile.load(old, DedupMode.BLOOM, 10, 1e-6));

    assertTrue(e.mismatch(), "a usage error (exit 2), not a damaged file");
    assertEquals(
        old
            + " is a dedup state of an earlier build (format TPDEDUP1, Guava Bloom filters), which"
            + " this build does not read: run the earlier parts again to make a new one",
        e.getMessage());
  }

  @Test
  void theChecksumChangesWithTheContent() throws IOException {
    Deduplicator exact = DedupMode.EXACT.create(10, 1e-6);
    exact.addIfAbsent(1, 2);
    String one = DedupStateFile.stage(dir.resolve("a.state"), exact).checksum();
    exact.addIfAbsent(3, 4);
    DedupStateFile.Staged two = DedupStateFile.stage(dir.resolve("a.state"), exact);
    assertNotEquals(one, two.checksum());
    two.discard();
    assertFalse(Files.exists(two.temp()));
  }
}
