package org.transformpipeline.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transformpipeline.parquet.InputSchema;
import org.transformpipeline.parquet.OutputException;
import org.transformpipeline.parquet.ProductWriter;
import org.transformpipeline.parquet.RejectWriter;
import org.transformpipeline.pipeline.ProductKey;
import org.transformpipeline.pipeline.dedup.DedupSettings;
import org.transformpipeline.pipeline.dedup.DedupStateFile;
import org.transformpipeline.pipeline.dedup.Deduplicator;

/**
 * Decides how a run begins and opens it: refuses to start over the parts of an interrupted run
 * unless told to ({@code --resume} or {@code --overwrite}), checks that a resumed run has the
 * interrupted run's identity and dedup state, fails early when an output cannot be written, locks
 * the parts directory, loads the dedup state and, for a resumed run, adds to it every product of
 * the committed parts. The result is one {@link RunStart}.
 *
 * <p>Not thread-safe; start once.
 */
public final class RunStarter {

  private static final Logger LOG = LoggerFactory.getLogger(RunStarter.class);

  private final Path input;
  private final RunTarget target;
  private final DedupSettings dedup;
  private final Map<String, String> metadata;
  private boolean lockedParts; // this run locked the parts directory at some point

  /**
   * @param input the input file (named in log lines)
   * @param target where the run writes
   * @param dedup the dedup settings (the state file to load)
   * @param metadata footer key/values of the products files
   */
  public RunStarter(
      Path input, RunTarget target, DedupSettings dedup, Map<String, String> metadata) {
    this.input = input;
    this.target = target;
    this.dedup = dedup;
    this.metadata = Map.copyOf(metadata);
  }

  /**
   * Refuses, before any work, to start a run over the parts an interrupted one left, unless {@code
   * --resume} or {@code --overwrite} says what to do with them.
   *
   * @throws RunStartException saying both ways on
   */
  public void refuseToStartOver() {
    if (Files.isDirectory(target.partsDir()) && !target.resume() && !target.overwrite()) {
      throw new RunStartException(
          "a run writing "
              + target.output()
              + " was interrupted; its finished parts are in "
              + target.partsDir()
              + ": continue it with --resume, or start over with --overwrite",
          false);
    }
  }

  /**
   * Opens the run.
   *
   * @param schema the input's schema (the products' pass-through columns)
   * @param identity what a resumed run must share with the interrupted one ({@link RunIdentity})
   * @throws RunStartException when a resumed run's identity or dedup state differ
   * @throws OutputException when an output cannot be written or the parts are locked by another run
   */
  public RunStart start(InputSchema schema, Map<String, String> identity) {
    RunParts parts = null;
    PartManifest resumed = null;
    if (Files.isDirectory(target.partsDir())) {
      parts = lock();
      if (target.resume()) {
        resumed = parts.readManifest().orElse(null);
      }
    }
    try {
      if (resumed != null) {
        refuseDifferent(resumed.differences(identity));
      }
      boolean replacesTargets = target.overwrite() || (resumed != null && resumed.complete());
      checkTargets(schema, replacesTargets);
      if (parts == null) {
        parts = lock();
      }
      DedupStateFile.Loaded loaded = dedup.load();
      PartManifest manifest;
      if (resumed != null) {
        refuseOtherDedupState(resumed, loaded.checksum());
        manifest = resumed;
      } else {
        manifest = PartManifest.start(identity, loaded.checksum());
      }
      parts.keepOnly(manifest);
      if (resumed == null) {
        parts.writeManifest(manifest);
      }
      RunOutput sink = new RunOutput(parts, manifest, schema, metadata, target.partLimits());
      if (resumed == null) {
        return new RunStart.Fresh(sink, loaded.dedup(), replacesTargets);
      }
      rebuild(sink, loaded.dedup());
      return new RunStart.Resumed(resumed, sink, loaded.dedup(), replacesTargets);
    } catch (RuntimeException e) {
      if (parts != null) {
        parts.release();
      }
      throw e;
    }
  }

  /**
   * What to add to a failure's message: that the finished parts are kept for {@code --resume}, when
   * this run held them and they hold such work; else nothing.
   */
  public String keptPartsHint() {
    if (!lockedParts || !RunParts.holdsFinishedWork(target.output())) {
      return "";
    }
    return "; the finished parts of the run are kept in "
        + target.partsDir()
        + ": run the same command with --resume to go on";
  }

  private RunParts lock() {
    RunParts parts = RunParts.open(target.output());
    lockedParts = true;
    return parts;
  }

  private void refuseDifferent(List<String> differences) {
    if (!differences.isEmpty()) {
      throw new RunStartException(
          "cannot --resume the run in "
              + target.partsDir()
              + ": "
              + String.join("; ", differences)
              + " (use --overwrite without --resume to start over)",
          true);
    }
  }

  private void refuseOtherDedupState(PartManifest resumed, String loaded) {
    if (!resumed.dedupStates().contains(loaded)) {
      throw new RunStartException(
          "cannot --resume: --dedup-state "
              + dedup.stateFile()
              + " is not the state the interrupted run started from ("
              + loaded
              + ", expected "
              + String.join(" or ", resumed.dedupStates())
              + ")",
          true);
    }
  }

  /** Adds every product of the committed parts to the deduplicator. */
  private void rebuild(RunOutput sink, Deduplicator into) {
    PartManifest manifest = sink.manifest();
    LOG.info(
        "resuming after batch {} of {} ({} parts, {} products): rebuilding the dedup state",
        manifest.checkpoint().batchesWritten(),
        input,
        manifest.parts().size(),
        manifest.checkpoint().products().written());
    sink.forEachProductSmiles(
        smiles -> {
          ProductKey key = ProductKey.of(smiles);
          into.addIfAbsent(key.hi(), key.lo());
        });
  }

  /**
   * Fails early, before any work, when an output cannot be written: its directory is missing or not
   * writable, or a file exists and may not be replaced (the products file named first: it is what
   * the user asked for). Creates and deletes a temporary file next to each target, through the same
   * checks the writers make at the end.
   */
  private void checkTargets(InputSchema schema, boolean overwrite) {
    ProductWriter.create(target.output(), schema, overwrite).abort();
    if (!overwrite && Files.exists(target.summaryFile())) {
      throw new OutputException(
          "summary file already exists: "
              + target.summaryFile()
              + " (use --overwrite to replace it)");
    }
    RejectWriter.create(target.rejectsFile(), overwrite).abort();
  }
}
