package org.transformpipeline.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transformpipeline.chem.ChemistryOptions;
import org.transformpipeline.chem.ProductEnumerator;
import org.transformpipeline.chem.TransformDefinition;
import org.transformpipeline.parquet.BatchReader;
import org.transformpipeline.parquet.InputException;
import org.transformpipeline.parquet.InputSchema;
import org.transformpipeline.parquet.OutputException;
import org.transformpipeline.pipeline.ParentEnumerator;
import org.transformpipeline.pipeline.Pipeline;
import org.transformpipeline.pipeline.PipelineException;
import org.transformpipeline.pipeline.ProductSink;
import org.transformpipeline.pipeline.ProgressReporter;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.RunTotals;
import org.transformpipeline.pipeline.TransformWorker;
import org.transformpipeline.pipeline.dedup.DedupStateException;
import org.transformpipeline.run.RunFinisher;
import org.transformpipeline.run.RunIdentity;
import org.transformpipeline.run.RunInterruption;
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
  private final ChemistryOptions chemistry;
  private final Stages stages;
  private final Consumer<String> stderr;
  private final RunStarter starter;

  /**
   * @param options the options
   * @param transforms the transforms to apply
   * @param chemistry the dialect override and what cleavage products become
   * @param stages how the sink and the enumerators are made
   * @param stderr where the line of a run stopped from outside goes
   */
  ApplyRun(
      ApplyOptions options,
      List<TransformDefinition> transforms,
      ChemistryOptions chemistry,
      Stages stages,
      Consumer<String> stderr) {
    this.o = options;
    this.transforms = List.copyOf(transforms);
    this.chemistry = chemistry;
    this.stages = stages;
    this.stderr = stderr;
    this.starter =
        new RunStarter(
            options.input().file(),
            options.target(),
            options.dedup(),
            Map.of("transform-pipeline.transforms", String.join(",", names())));
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
        RunIdentity.of(
            o.input(),
            o.pipeline().batchSize(),
            transforms,
            o.dedup(),
            o.limits(),
            chemistry.fragments());
    try (RunStart start = starter.start(schema, identity)) {
      RunInterruption watch = RunInterruption.watch(start, o.target(), stderr);
      try {
        RunTotals totals = transform(start);
        RunSummary summary =
            RunSummary.of(
                o.input().file().toString(),
                o.target().output().toString(),
                settings(start.firstBatch()),
                totals);
        new RunFinisher(o.target(), o.dedup().stateFile(), o.reporting().quiet())
            .finish(start, summary);
        return summary;
      } finally {
        watch.stop();
      }
    }
  }

  /** Reads every batch from the run's first on through the pipeline into the run's sink. */
  private RunTotals transform(RunStart start) {
    Pipeline.Settings settings = o.pipeline();
    try (BatchReader reader =
        o.input().open(settings.batchSize(), start.firstRow(settings.batchSize()))) {
      LOG.info(
          "{}: {} rows, {} transforms, {} workers, {} batches in flight at most, dedup {}",
          o.input().file(),
          reader.rowCount(),
          transforms.size(),
          settings.workers(),
          settings.maxInFlight(),
          o.dedup().mode().optionValue());
      Pipeline pipeline =
          new Pipeline(
              reader,
              new TransformWorker(
                  () ->
                      stages
                          .enumerator()
                          .apply(
                              new ProductEnumerator(transforms, o.limits(), chemistry.fragments())
                                  ::enumerate)),
              start.dedup(),
              stages.sink().apply(start.sink()),
              settings,
              ProgressReporter.forCommandLine(
                  o.reporting().quiet(),
                  o.reporting().progressEvery(),
                  reader.rowCount(),
                  LOG::info,
                  LOG::warn));
      if (start instanceof RunStart.Resumed resumed) {
        pipeline.resumingAfter(resumed.checkpoint());
      }
      return pipeline.run();
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
