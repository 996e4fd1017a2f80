package org.transformpipeline.pipeline.dedup;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a run deduplicates across batches, as {@code --dedup}, {@code --expected-products}, {@code
 * --bloom-fpp} and {@code --dedup-state} set it. Immutable.
 *
 * @param mode the strategy
 * @param expectedProducts the sizing hint: unique products expected
 * @param bloomFpp the Bloom filter's false-positive rate (the other modes ignore it)
 * @param stateFile the file the state is loaded from (if it exists) and saved to at the end, or
 *     null for a run that starts empty and saves nothing
 */
public record DedupSettings(
    DedupMode mode, long expectedProducts, double bloomFpp, Path stateFile) {

  public DedupSettings {
    Objects.requireNonNull(mode, "mode");
  }

  /**
   * The deduplicator a run starts with: loaded from {@link #stateFile()} when it exists, else
   * empty; with the checksum of what it was loaded from ({@link DedupStateFile#ABSENT} for none).
   *
   * @throws DedupStateException when the state file cannot be read or does not fit these settings
   */
  public DedupStateFile.Loaded load() {
    if (stateFile == null) {
      return new DedupStateFile.Loaded(
          mode.create(expectedProducts, bloomFpp), DedupStateFile.ABSENT);
    }
    return DedupStateFile.load(stateFile, mode, expectedProducts, bloomFpp);
  }
}
