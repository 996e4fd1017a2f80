package org.transformpipeline.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.transformpipeline.pipeline.RunCheckpoint;

/**
 * What a run's parts directory holds, as {@code manifest.json}: rewritten atomically after each
 * committed part, so that it always describes complete parts only. Immutable.
 *
 * @param format the manifest format (1)
 * @param identity what must be the same for a run to resume this one: the input file (path, size,
 *     time, footer checksum) and every option that changes the output or the counts, as readable
 *     name/value pairs
 * @param dedupStates checksums of the dedup-state files this run may find at start: the one it
 *     started from ({@code absent} when there was none) and, once the run has begun saving its own,
 *     that one
 * @param parts the committed parts, in batch order, covering batches 0 to {@code
 *     checkpoint.batchesWritten()} without gaps
 * @param checkpoint the run's counts after the last committed batch
 * @param complete true once every batch of the input is in the parts
 */
public record PartManifest(
    int format,
    Map<String, String> identity,
    List<String> dedupStates,
    List<Part> parts,
    RunCheckpoint checkpoint,
    boolean complete) {

  /** The manifest format written by this version. */
  public static final int FORMAT = 1;

  /**
   * One committed part: a products file and a rejects file holding the output of a contiguous range
   * of batches.
   *
   * @param products file name of the products part, in the parts directory
   * @param rejects file name of the rejects part
   * @param firstBatch first batch covered
   * @param endBatch one past the last batch covered
   * @param productRows rows in the products part
   * @param rejectRows rows in the rejects part
   */
  public record Part(
      String products,
      String rejects,
      long firstBatch,
      long endBatch,
      long productRows,
      long rejectRows) {}

  public PartManifest {
    identity = new TreeMap<>(identity);
    dedupStates = List.copyOf(dedupStates);
    parts = List.copyOf(parts);
  }

  /** A run that has committed nothing yet. */
  public static PartManifest start(Map<String, String> identity, String dedupState) {
    return new PartManifest(
        FORMAT, identity, List.of(dedupState), List.of(), RunCheckpoint.start(), false);
  }

  /** This manifest with one more part, ending at the checkpoint. */
  PartManifest with(Part part, RunCheckpoint after) {
    List<Part> more = new ArrayList<>(parts);
    more.add(part);
    return new PartManifest(format, identity, dedupStates, more, after, complete);
  }

  /** This manifest marked complete, with the final counts. */
  PartManifest completed(RunCheckpoint last) {
    return new PartManifest(format, identity, dedupStates, parts, last, true);
  }

  /** This manifest accepting one more dedup-state checksum at start. */
  public PartManifest withDedupState(String checksum) {
    List<String> more = new ArrayList<>(dedupStates);
    if (!more.contains(checksum)) {
      more.add(checksum);
    }
    return new PartManifest(format, identity, more, parts, checkpoint, complete);
  }

  /**
   * How this run's identity differs from another's, one readable phrase per difference (e.g. {@code
   * --batch-size: 1000 in the interrupted run, 500 now}); empty when they match.
   */
  public List<String> differences(Map<String, String> now) {
    List<String> out = new ArrayList<>();
    TreeMap<String, String> all = new TreeMap<>(identity);
    now.forEach(all::putIfAbsent);
    for (String key : all.keySet()) {
      String was = identity.get(key);
      String is = now.get(key);
      if (was == null ? is != null : !was.equals(is)) {
        out.add(key + ": " + was + " in the interrupted run, " + is + " now");
      }
    }
    return out;
  }
}
