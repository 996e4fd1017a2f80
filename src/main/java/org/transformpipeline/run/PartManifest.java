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
 * @param parts the committed parts, in output order: generation by generation, each generation's in
 *     batch order, covering its batches 0 to the end (for the generation in progress, to {@code
 *     checkpoint.batchesWritten()}) without gaps
 * @param checkpoint the counts of the generation in progress after its last committed batch (of the
 *     last generation once complete)
 * @param complete true once every batch of every generation is in the parts
 * @param generation the generation in progress, from 1 (the last one once complete)
 * @param finished the final counts of each generation finished, in order
 */
public record PartManifest(
    int format,
    Map<String, String> identity,
    List<String> dedupStates,
    List<Part> parts,
    RunCheckpoint checkpoint,
    boolean complete,
    int generation,
    List<RunCheckpoint> finished) {

  /** The manifest format written by this version (2: generations). */
  public static final int FORMAT = 2;

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
   * @param generation the generation whose batches these are, from 1
   */
  public record Part(
      String products,
      String rejects,
      long firstBatch,
      long endBatch,
      long productRows,
      long rejectRows,
      int generation) {

    public Part {
      generation = Math.max(1, generation); // absent in a format-1 manifest: one generation
    }
  }

  public PartManifest {
    identity = new TreeMap<>(identity);
    dedupStates = List.copyOf(dedupStates);
    parts = List.copyOf(parts);
    generation = Math.max(1, generation);
    finished = finished == null ? List.of() : List.copyOf(finished);
  }

  /** A run that has committed nothing yet. */
  public static PartManifest start(Map<String, String> identity, String dedupState) {
    return new PartManifest(
        FORMAT,
        identity,
        List.of(dedupState),
        List.of(),
        RunCheckpoint.start(),
        false,
        1,
        List.of());
  }

  /** The committed parts of one generation, in order. */
  public List<Part> partsOf(int generation) {
    return parts.stream().filter(p -> p.generation() == generation).toList();
  }

  /** This manifest with one more part, ending at the checkpoint. */
  PartManifest with(Part part, RunCheckpoint after) {
    List<Part> more = new ArrayList<>(parts);
    more.add(part);
    return new PartManifest(
        format, identity, dedupStates, more, after, complete, generation, finished);
  }

  /** This manifest with the generation in progress finished and the next one begun. */
  PartManifest nextGeneration(RunCheckpoint last) {
    return new PartManifest(
        format,
        identity,
        dedupStates,
        parts,
        RunCheckpoint.start(),
        false,
        generation + 1,
        plus(finished, last));
  }

  /** This manifest marked complete, with the final counts of the last generation. */
  PartManifest completed(RunCheckpoint last) {
    List<RunCheckpoint> all = complete ? finished : plus(finished, last);
    return new PartManifest(format, identity, dedupStates, parts, last, true, generation, all);
  }

  private static List<RunCheckpoint> plus(List<RunCheckpoint> list, RunCheckpoint one) {
    List<RunCheckpoint> more = new ArrayList<>(list);
    more.add(one);
    return more;
  }

  /** This manifest accepting one more dedup-state checksum at start. */
  public PartManifest withDedupState(String checksum) {
    List<String> more = new ArrayList<>(dedupStates);
    if (!more.contains(checksum)) {
      more.add(checksum);
    }
    return new PartManifest(
        format, identity, more, parts, checkpoint, complete, generation, finished);
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
