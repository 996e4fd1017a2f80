package org.transformpipeline.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transformpipeline.chem.ChemistryOptions;
import org.transformpipeline.chem.ProductEnumerator;
import org.transformpipeline.chem.TransformDefinition;
import org.transformpipeline.parquet.GenerationReader;
import org.transformpipeline.parquet.InputException;
import org.transformpipeline.parquet.InputSchema;
import org.transformpipeline.parquet.OutputException;
import org.transformpipeline.pipeline.BatchSource;
import org.transformpipeline.pipeline.MemoryWatch;
import org.transformpipeline.pipeline.ParentEnumerator;
import org.transformpipeline.pipeline.Pipeline;
import org.transformpipeline.pipeline.PipelineException;
import org.transformpipeline.pipeline.ProductRow;
import org.transformpipeline.pipeline.ProductSink;
import org.transformpipeline.pipeline.ProgressReporter;
import org.transformpipeline.pipeline.RejectRow;
import org.transformpipeline.pipeline.RootBudget;
import org.transformpipeline.pipeline.RunCheckpoint;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.RunTotals;
import org.transformpipeline.pipeline.Scoring;
import org.transformpipeline.pipeline.TransformWorker;
import org.transformpipeline.pipeline.dedup.DedupStateException;
import org.transformpipeline.pipeline.dedup.Deduplicator;
import org.transformpipeline.run.Generations;
import org.transformpipeline.run.InputKeys;
import org.transformpipeline.run.PartManifest;
import org.transformpipeline.run.RootCounts;
import org.transformpipeline.run.RunFinisher;
import org.transformpipeline.run.RunIdentity;
import org.transformpipeline.run.RunInterruption;
import org.transformpipeline.run.RunOutput;
import org.transformpipeline.run.RunStart;
import org.transformpipeline.run.RunStartException;
import org.transformpipeline.run.RunStarter;

/**
 * One {@code apply} run, wired from its options as a short list of stages ({@link #stages()}):
 * refuse to start over an interrupted run, read the input's schema, open the run fresh or resumed
 * ({@link RunStarter}), transform every batch into its sink ({@link Pipeline}), finish it ({@link
 * RunFinisher}); a run stopped from outside on the way says how far it got ({@link
 * RunInterruption}). Every failure ends as one {@link UserException} line.
 *
 * <p>Not thread-safe; run once.
 */
final class ApplyRun {

  private static final Logger LOG = LoggerFactory.getLogger(ApplyRun.class);

  /**
   * How the two stages a caller may wire differently are made: the sink the pipeline writes to,
   * around the run's own output, and each worker's enumerator, around the chemistry's. {@link
   * #STANDARD} (the run's own, unchanged) on the command line; a caller that wires the run another
   * way (a disk that fills up, a molecule that throws, a sink that also sends the products
   * elsewhere) passes its own to {@link ApplyCommand#ApplyCommand(Stages)}.
   *
   * @param sink makes the pipeline's sink from the run's output
   * @param enumerator makes a worker's enumerator from the chemistry's
   */
  record Stages(UnaryOperator<ProductSink> sink, UnaryOperator<ParentEnumerator> enumerator) {
    static final Stages STANDARD = new Stages(UnaryOperator.identity(), UnaryOperator.identity());
  }

  private final ApplyOptions o;
  private final List<TransformDefinition> transforms;
  private final Generations generations;
  private final ChemistryOptions chemistry;
  private final Stages stages;
  private final Consumer<String> stderr;
  private final RunStarter starter;

  /**
   * @param options the options
   * @param transforms the transforms to apply
   * @param generations how many generations, the transforms of each, and the pruning
   * @param chemistry the dialect override and what cleavage products become
   * @param stages how the sink and the enumerators are made
   * @param stderr where the line of a run stopped from outside goes
   */
  ApplyRun(
      ApplyOptions options,
      List<TransformDefinition> transforms,
      Generations generations,
      ChemistryOptions chemistry,
      Stages stages,
      Consumer<String> stderr) {
    this.o = options;
    this.transforms = List.copyOf(transforms);
    this.generations = generations;
    this.chemistry = chemistry;
    this.stages = stages;
    this.stderr = stderr;
    this.starter =
        new RunStarter(
            options.input().file(),
            options.target(),
            options.dedup(),
            Map.of(
                "transform-pipeline.transforms",
                String.join(",", names()),
                "transform-pipeline.generations",
                generations.scenario().label()));
  }

  /**
   * Runs it.
   *
   * @return the summary, already written to the target's summary file
   * @throws UserException with one line (exit 1 or 2) when the run cannot start or fails
   */
  RunSummary run() {
    try {
      return stages();
    } catch (RunStartException e) {
      throw e.mismatch()
          ? UserException.usage(e.getMessage())
          : UserException.failure(e.getMessage(), null);
    } catch (InputException | OutputException | PipelineException | IOException e) {
      throw UserException.failure(e.getMessage() + starter.keptPartsHint(), e);
    } catch (DedupStateException e) {
      throw e.mismatch()
          ? UserException.usage(e.getMessage())
          : UserException.failure(e.getMessage(), e);
    }
  }

  private RunSummary stages() throws IOException {
    starter.refuseToStartOver();
    InputSchema schema = o.input().schema();
    Map<String, String> identity =
        new LinkedHashMap<>(
            RunIdentity.of(
                o.input(),
                o.pipeline().batchSize(),
                transforms,
                o.dedup(),
                o.limits(),
                chemistry.fragments()));
    identity.putAll(RunIdentity.of(generations));
    identity.put("product filter", String.join("; ", chemistry.filter().describe()));
    try (RunStart start = starter.start(schema, identity)) {
      RunInterruption watch = RunInterruption.watch(start, o.target(), stderr);
      try {
        List<RunTotals> totals = new ArrayList<>();
        List<RunSummary.GenerationCounts> counts = new ArrayList<>();
        enumerate(start, schema, totals, counts);
        RunSummary summary =
            RunSummary.of(
                o.input().file().toString(),
                o.target().output().toString(),
                settings(start.firstBatch()),
                RunTotals.ofGenerations(totals),
                counts);
        new RunFinisher(o.target(), o.dedup().stateFile(), o.reporting().quiet())
            .finish(start, summary);
        return summary;
      } finally {
        watch.stop();
      }
    }
  }

  /**
   * Runs every generation not finished yet, each from the committed parts of the one before (the
   * first from the input), one deduplicator for the whole run; the generations an interrupted run
   * finished count from its manifest.
   */
  private void enumerate(
      RunStart start,
      InputSchema schema,
      List<RunTotals> totals,
      List<RunSummary.GenerationCounts> counts) {
    PartManifest manifest = start.sink().manifest();
    int first = manifest.generation();
    for (int g = 1; g < first; g++) {
      RunCheckpoint done = manifest.finished().get(g - 1);
      totals.add(RunTotals.of(done, start.dedup()));
      counts.add(counts(g, done.rows(), done.products(), 0, 0, 0, 0));
    }
    Deduplicator inputKeys =
        generations.excludeInputs() || schema.continuesLineage()
            ? InputKeys.collect(
                o.input(), schema, o.dedup(), o.pipeline().workers(), o.pipeline().batchSize())
            : null;
    for (int g = first; g <= generations.count(); g++) {
      MemoryWatch.watchCollections();
      MemoryWatch.resetPeaks();
      RunTotals t = transform(start, g, g == first ? start.checkpoint() : null, inputKeys);
      totals.add(t);
      double seconds = t.performance().elapsedSeconds();
      counts.add(
          counts(
              g,
              t.rows(),
              t.products(),
              seconds,
              MemoryWatch.peakHeapPoolBytes(),
              MemoryWatch.peakRssBytes(),
              MemoryWatch.peakHeapAfterGcBytes()));
    }
  }

  private RunSummary.GenerationCounts counts(
      int g,
      RunSummary.RowCounts parents,
      RunSummary.ProductCounts products,
      double seconds,
      long peakHeap,
      long peakRss,
      long peakAfterGc) {
    return new RunSummary.GenerationCounts(
        g,
        generations.scenario().stepOf(g).selector(),
        parents,
        products,
        seconds,
        seconds > 0 ? products.generated() / seconds : 0,
        peakHeap,
        peakRss,
        peakAfterGc);
  }

  /**
   * Reads every batch of generation {@code g} (from the checkpoint's on, for the generation an
   * interrupted run was in) through the pipeline into the run's sink.
   */
  private RunTotals transform(
      RunStart start, int g, RunCheckpoint resumeFrom, Deduplicator inputKeys) {
    Pipeline.Settings settings = o.pipeline();
    RunOutput output = start.sink();
    long firstRow = resumeFrom == null ? 0 : resumeFrom.batchesWritten() * settings.batchSize();
    List<TransformDefinition> step = generations.scenario().stepOf(g).transforms();
    int count = generations.count();
    try (BatchSource source =
            g == 1
                ? o.input().open(settings.batchSize(), firstRow)
                : new GenerationReader(
                    output.productParts(g - 1),
                    output.manifest().partsOf(g - 1).stream()
                        .mapToLong(PartManifest.Part::productRows)
                        .sum(),
                    settings.batchSize(),
                    firstRow);
        RootCounts earlier = rootCounts(output, g, resumeFrom)) {
      LOG.info(
          "{}{}: {} rows in batches of {}, {} transforms, {} workers, {} batches in flight at"
              + " most, dedup {}",
          count > 1 ? "generation " + g + "/" + count + ", " : "",
          g == 1 ? o.input().file() : "the products of generation " + (g - 1),
          source.rowCount(),
          settings.batchSize(),
          step.size(),
          settings.workers(),
          settings.maxInFlight(),
          o.dedup().mode().optionValue());
      String prefix = count > 1 ? "[Gen " + g + "/" + count + "] " : "";
      Pipeline pipeline =
          new Pipeline(
              source,
              new TransformWorker(
                  () ->
                      stages
                          .enumerator()
                          .apply(
                              new ProductEnumerator(
                                      step, o.limits(), chemistry.fragments(), chemistry.filter())
                                  ::enumerate),
                  scoring()),
              start.dedup(),
              stages.sink().apply(new GenerationSink(output, g == count)),
              settings,
              ProgressReporter.forCommandLine(
                  o.reporting().quiet(),
                  o.reporting().progressEvery(),
                  source.rowCount(),
                  line -> LOG.info("{}{}", prefix, line),
                  LOG::warn));
      if (resumeFrom != null && start instanceof RunStart.Resumed) {
        pipeline.resumingAfter(resumeFrom);
      }
      if (inputKeys != null) {
        pipeline.excludingInputs(inputKeys);
      }
      if (earlier != null) {
        pipeline.cappingRoots(new RootBudget(generations.maxProductsPerRoot(), earlier));
      }
      return pipeline.run();
    } catch (IOException e) {
      throw new OutputException("closing the products of generation " + (g - 1) + ": " + e, e);
    }
  }

  /**
   * The products each root has in the committed parts before generation {@code g}'s pipeline starts
   * (earlier generations; the resumed generation's own), or null with no root cap.
   */
  private RootCounts rootCounts(RunOutput output, int g, RunCheckpoint resumeFrom) {
    if (generations.maxProductsPerRoot() == 0) {
      return null;
    }
    List<List<Path>> parts = new ArrayList<>();
    for (int earlier = 1; earlier < g; earlier++) {
      parts.add(output.productParts(earlier));
    }
    if (resumeFrom != null) {
      parts.add(output.productParts(g));
    }
    return new RootCounts(parts);
  }

  private Scoring scoring() {
    Map<String, Double> probabilities = new HashMap<>();
    for (TransformDefinition t : generations.scenario().transforms()) {
      if (t.probability() != null) {
        probabilities.put(t.name(), t.probability());
      }
    }
    return new Scoring(probabilities, generations.minScore());
  }

  /**
   * The run's output as one generation's sink: committing it ends the generation (the run, for the
   * last); aborting it keeps the parts committed so far, of this and earlier generations.
   */
  private record GenerationSink(RunOutput output, boolean last) implements ProductSink {
    @Override
    public void write(ProductRow row) {
      output.write(row);
    }

    @Override
    public void reject(RejectRow row) {
      output.reject(row);
    }

    @Override
    public void batchWritten(RunCheckpoint checkpoint) {
      output.batchWritten(checkpoint);
    }

    @Override
    public void commit() {
      output.endGeneration(last);
    }

    @Override
    public void abort() {
      output.abort();
    }
  }

  private List<String> names() {
    return transforms.stream().map(TransformDefinition::name).toList();
  }

  private RunSummary.Settings settings(long resumedFromBatch) {
    return new RunSummary.Settings(
        o.pipeline().workers(),
        o.pipeline().maxInFlight(),
        o.pipeline().batchSize(),
        o.dedup().mode().optionValue(),
        o.dedup().expectedProducts(),
        o.dedup().bloomFpp(),
        o.limits().maxProductsPerParent(),
        names(),
        o.limits().maxHeavyAtoms(),
        o.limits().timePerParent().toMillis(),
        resumedFromBatch);
  }
}
