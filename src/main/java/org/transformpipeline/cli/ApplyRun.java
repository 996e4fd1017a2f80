package org.transformpipeline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transformpipeline.chem.ChemistryOptions;
import org.transformpipeline.chem.EnumerationLimits;
import org.transformpipeline.chem.ProductEnumerator;
import org.transformpipeline.chem.TransformDefinition;
import org.transformpipeline.parquet.BatchReader;
import org.transformpipeline.parquet.IdColumn;
import org.transformpipeline.parquet.InputException;
import org.transformpipeline.parquet.InputSchema;
import org.transformpipeline.parquet.OutputException;
import org.transformpipeline.parquet.PartManifest;
import org.transformpipeline.parquet.ProductWriter;
import org.transformpipeline.parquet.RejectWriter;
import org.transformpipeline.parquet.RunOutput;
import org.transformpipeline.parquet.RunParts;
import org.transformpipeline.pipeline.BatchSource;
import org.transformpipeline.pipeline.ParentEnumerator;
import org.transformpipeline.pipeline.Pipeline;
import org.transformpipeline.pipeline.PipelineException;
import org.transformpipeline.pipeline.ProductKey;
import org.transformpipeline.pipeline.ProductSink;
import org.transformpipeline.pipeline.ProgressReporter;
import org.transformpipeline.pipeline.RowBatch;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.RunTotals;
import org.transformpipeline.pipeline.SummaryReport;
import org.transformpipeline.pipeline.TransformWorker;
import org.transformpipeline.pipeline.dedup.DedupStateException;
import org.transformpipeline.pipeline.dedup.DedupStateFile;
import org.transformpipeline.pipeline.dedup.Deduplicator;

/**
 * One {@code apply} run, wired from its options: checks the targets, starts or resumes the run's
 * parts directory, loads the dedup state, runs the {@link Pipeline} into a {@link RunOutput}, then
 * finishes: saves the dedup state, publishes the rejects and products files, writes the summary and
 * removes the parts.
 *
 * <p>Order of the finish, so that a run killed at any point can be resumed (or is done): the
 * manifest is marked complete (by the pipeline's commit); the dedup state is written to a temporary
 * file, its checksum added to the manifest, then renamed into place; the final files are joined
 * from the parts and published (rejects, then products); the summary is written; the parts
 * directory is deleted. A resumed run that finds a complete manifest redoes the steps after it,
 * which give the same files.
 *
 * <p>Not thread-safe; run once.
 */
final class ApplyRun {

  private static final Logger LOG = LoggerFactory.getLogger(ApplyRun.class);

  /**
   * Test hooks: wrap the output sink (to make it fail like a full disk) or each worker's enumerator
   * (to make one molecule throw). {@link #NONE} in a real run.
   */
  record Hooks(UnaryOperator<ProductSink> sink, UnaryOperator<ParentEnumerator> enumerator) {
    static final Hooks NONE = new Hooks(UnaryOperator.identity(), UnaryOperator.identity());
  }

  private final ApplyOptions o;
  private final List<TransformDefinition> transforms;
  private final ChemistryOptions chemistry;
  private final Hooks hooks;
  private final Path rejectsFile;
  private final Path summaryFile;
  private boolean heldParts; // this run locked the parts directory at some point

  ApplyRun(
      ApplyOptions options,
      List<TransformDefinition> transforms,
      ChemistryOptions chemistry,
      Hooks hooks) {
    this.o = options;
    this.transforms = List.copyOf(transforms);
    this.chemistry = chemistry;
    this.hooks = hooks;
    this.rejectsFile = RejectWriter.pathFor(options.output());
    this.summaryFile = SummaryReport.jsonPathFor(options.output());
  }

  /** The rejects file this run writes. */
  Path rejectsFile() {
    return rejectsFile;
  }

  /** The summary file this run writes. */
  Path summaryFile() {
    return summaryFile;
  }

  /**
   * Runs it.
   *
   * @return the summary, already written to {@link #summaryFile()}
   * @throws UserException with one line (exit 1 or 2) when the run cannot start or fails
   */
  RunSummary run() {
    try {
      return runOrThrow();
    } catch (InputException | OutputException | PipelineException e) {
      throw UserException.failure(e.getMessage() + keptPartsHint(), e);
    } catch (DedupStateException e) {
      throw e.mismatch()
          ? UserException.usage(e.getMessage())
          : UserException.failure(e.getMessage(), e);
    } catch (IOException e) {
      throw UserException.failure(e.getMessage() + keptPartsHint(), e);
    }
  }

  private RunSummary runOrThrow() throws IOException {
    Path partsDir = RunParts.dirFor(o.output());
    boolean leftover = Files.isDirectory(partsDir);
    if (leftover && !o.resume() && !o.overwrite()) {
      throw UserException.failure(
          "a run writing "
              + o.output()
              + " was interrupted; its finished parts are in "
              + partsDir
              + ": continue it with --resume, or start over with --overwrite",
          null);
    }
    InputSchema schema;
    try (BatchReader probe =
        BatchReader.open(o.input(), o.smilesColumn(), idColumn(), o.batchSize())) {
      schema = probe.schema();
    }
    Map<String, String> identity = RunIdentity.of(o, transforms);

    RunParts parts = null;
    PartManifest resumed = null;
    if (leftover) {
      parts = RunParts.open(o.output());
      heldParts = true;
      if (o.resume()) {
        resumed = parts.readManifest().orElse(null);
      }
    }
    try {
      if (resumed != null) {
        List<String> differences = resumed.differences(identity);
        if (!differences.isEmpty()) {
          throw UserException.usage(
              "cannot --resume the run in "
                  + partsDir
                  + ": "
                  + String.join("; ", differences)
                  + " (use --overwrite without --resume to start over)");
        }
      }
      boolean overwriteTargets = o.overwrite() || (resumed != null && resumed.complete());
      checkTargets(schema, overwriteTargets);
      if (parts == null) {
        parts = RunParts.open(o.output());
        heldParts = true;
      }
      RunSummary summary = run(parts, resumed, schema, identity, overwriteTargets);
      parts = null; // deleted
      return summary;
    } finally {
      if (parts != null) {
        release(parts);
      }
    }
  }

  /**
   * After a failure: keeps the parts directory when it holds work worth resuming, else deletes it.
   * Never throws (the failure being reported matters more).
   */
  private static void release(RunParts parts) {
    parts.close();
    try {
      if (Files.isDirectory(parts.dir())
          && parts.readManifest().map(m -> m.parts().isEmpty() && !m.complete()).orElse(true)) {
        parts.delete();
      }
    } catch (RuntimeException e) {
      LOG.warn("{}", e.getMessage());
    }
  }

  private RunSummary run(
      RunParts parts,
      PartManifest resumed,
      InputSchema schema,
      Map<String, String> identity,
      boolean overwriteTargets)
      throws IOException {
    DedupStateFile.Loaded loaded = loadDedup();
    PartManifest manifest;
    if (resumed != null) {
      if (!resumed.dedupStates().contains(loaded.checksum())) {
        throw UserException.usage(
            "cannot --resume: --dedup-state "
                + o.dedupState()
                + " is not the state the interrupted run started from ("
                + loaded.checksum()
                + ", expected "
                + String.join(" or ", resumed.dedupStates())
                + ")");
      }
      parts.keepOnly(resumed);
      manifest = resumed;
    } else {
      manifest = PartManifest.start(identity, loaded.checksum());
      parts.keepOnly(manifest);
      parts.writeManifest(manifest);
    }
    RunOutput output =
        new RunOutput(
            parts,
            manifest,
            schema,
            Map.of("transform-pipeline.transforms", String.join(",", names())),
            new RunOutput.PartLimits(
                RunOutput.PartLimits.defaults().bytes(),
                o.partBatches(),
                RunOutput.PartLimits.defaults().time()));
    Deduplicator dedup = loaded.dedup();
    long resumeFrom = manifest.checkpoint().batchesWritten();
    if (resumed != null) {
      LOG.info(
          "resuming after batch {} of {} ({} parts, {} products): rebuilding the dedup state",
          resumeFrom,
          o.input(),
          manifest.parts().size(),
          manifest.checkpoint().products().written());
      output.forEachProductSmiles(
          smiles -> {
            ProductKey key = ProductKey.of(smiles);
            dedup.addIfAbsent(key.hi(), key.lo());
          });
    }
    RunTotals totals = runPipeline(output, dedup, resumed, resumeFrom);
    finish(output, dedup, overwriteTargets);
    RunSummary summary =
        RunSummary.of(o.input().toString(), o.output().toString(), settings(resumeFrom), totals);
    SummaryReport.writeJson(summary, summaryFile);
    output.removeParts();
    return summary;
  }

  private RunTotals runPipeline(
      RunOutput output, Deduplicator dedup, PartManifest resumed, long resumeFrom) {
    EnumerationLimits limits = o.limits();
    try (BatchReader reader =
        BatchReader.open(
            o.input(), o.smilesColumn(), idColumn(), o.batchSize(), resumeFrom * o.batchSize())) {
      LOG.info(
          "{}: {} rows, {} transforms, {} workers, {} batches in flight at most, dedup {}",
          o.input(),
          reader.rowCount(),
          transforms.size(),
          o.workers(),
          o.maxInFlight(),
          o.dedup().optionValue());
      Pipeline pipeline =
          new Pipeline(
              source(reader),
              new TransformWorker(
                  () ->
                      hooks
                          .enumerator()
                          .apply(
                              new ProductEnumerator(transforms, limits, chemistry.fragments())
                                  ::enumerate)),
              dedup,
              hooks.sink().apply(output),
              new Pipeline.Settings(o.workers(), o.maxInFlight(), o.batchSize()),
              ProgressReporter.forCommandLine(
                  o.quiet(), o.progressEvery(), reader.rowCount(), LOG::info, LOG::warn));
      if (resumed != null) {
        pipeline.resumingAfter(resumed.checkpoint());
      }
      return pipeline.run();
    }
  }

  /** Saves the dedup state, then publishes the rejects and products files. */
  private void finish(RunOutput output, Deduplicator dedup, boolean overwriteTargets)
      throws IOException {
    if (o.dedupState() != null) {
      DedupStateFile.Staged staged = DedupStateFile.stage(o.dedupState(), dedup);
      try {
        output.parts().writeManifest(output.manifest().withDedupState(staged.checksum()));
        staged.publish();
      } finally {
        staged.discard();
      }
    }
    long start = System.nanoTime();
    output.publish(o.output(), rejectsFile, overwriteTargets);
    LOG.info(
        "joined {} parts into {} and {} in {} s",
        output.manifest().parts().size(),
        o.output(),
        rejectsFile,
        String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
  }

  private DedupStateFile.Loaded loadDedup() {
    if (o.dedupState() == null) {
      return new DedupStateFile.Loaded(
          o.dedup().create(o.expectedProducts(), o.bloomFpp()), DedupStateFile.ABSENT);
    }
    return DedupStateFile.load(o.dedupState(), o.dedup(), o.expectedProducts(), o.bloomFpp());
  }

  /**
   * Fails early, before any work, when an output cannot be written: its directory is missing or not
   * writable, or a file exists and may not be replaced. (Creates and deletes a temporary file next
   * to each target, through the same checks the writers make at the end.)
   */
  private void checkTargets(InputSchema schema, boolean overwrite) {
    if (!overwrite && Files.exists(summaryFile)) {
      throw new OutputException(
          "summary file already exists: " + summaryFile + " (use --overwrite to replace it)");
    }
    ProductWriter.create(o.output(), schema, overwrite).abort();
    RejectWriter.create(rejectsFile, overwrite).abort();
  }

  private String keptPartsHint() {
    Path dir = RunParts.dirFor(o.output());
    if (!heldParts || !RunParts.holdsFinishedWork(o.output())) {
      return "";
    }
    return "; the finished parts of the run are kept in "
        + dir
        + ": run the same command with --resume to go on";
  }

  private IdColumn idColumn() {
    return IdColumn.fromOption(o.idColumn());
  }

  private List<String> names() {
    return transforms.stream().map(TransformDefinition::name).toList();
  }

  private RunSummary.Settings settings(long resumeFrom) {
    EnumerationLimits limits = o.limits();
    return new RunSummary.Settings(
        o.workers(),
        o.maxInFlight(),
        o.batchSize(),
        o.dedup().optionValue(),
        o.expectedProducts(),
        o.bloomFpp(),
        o.maxProductsPerParent(),
        names(),
        limits.maxHeavyAtoms(),
        limits.timePerParent().toMillis(),
        resumeFrom);
  }

  /** The Parquet reader as the pipeline's batch source. */
  private static BatchSource source(BatchReader reader) {
    return new BatchSource() {
      @Override
      public RowBatch next() {
        return reader.next();
      }

      @Override
      public long rowCount() {
        return reader.rowCount();
      }

      @Override
      public void close() {
        reader.close();
      }
    };
  }
}
