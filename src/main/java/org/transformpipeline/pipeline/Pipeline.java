package org.transformpipeline.pipeline;

import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transformpipeline.pipeline.dedup.Deduplicator;

/**
 * Runs the stages: a batch source read by one reader thread, a fixed pool of {@link
 * TransformWorker} threads, and ONE consumer (the calling thread) that deduplicates across batches
 * and writes to the product sink.
 *
 * <p><b>Bounded memory.</b> A semaphore of {@code maxInFlight} permits: the reader takes a permit
 * BEFORE it reads a batch and the consumer gives it back only after it has written that batch's
 * products. So at most {@code maxInFlight} batches (their rows and results) are in memory, and the
 * reader blocks rather than reading ahead.
 *
 * <p><b>Deterministic output.</b> Workers finish in any order; the consumer takes results from a
 * completion queue as they finish and holds early ones in a reorder buffer (a {@link TreeMap} by
 * batch index) until the next index in input order is there. The buffer holds at most {@code
 * maxInFlight} results since each holds a permit. Products are thus deduplicated and written in
 * input order, and when two parents make the same product the first in input order is kept: the
 * output is the same whatever the worker count, batch size, in-flight bound or timing. The cost is
 * measured: how long finished batches waited for an earlier one, and the most held at once.
 *
 * <p><b>Nothing lost.</b> After a batch's products, its rejected rows and products go to the sink
 * ({@link ProductSink#reject}), then the counts so far ({@link ProductSink#batchWritten}), which a
 * sink records with each part it commits; {@link #resumingAfter} starts a run from such a
 * checkpoint.
 *
 * <p><b>Failure.</b> Any failure (reading, a batch that throws, writing, dedup) stops the run: the
 * sink is aborted (no file at the target), the reader and the pool are shut down ({@code
 * shutdownNow}) and awaited in {@code finally}, and a {@link PipelineException} says where it
 * happened. A single bad row does not stop it: the worker turns it into a rejection.
 *
 * <p>Not thread-safe; run once.
 */
public final class Pipeline {

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /**
   * @param workers worker threads
   * @param maxInFlight batches read but not yet written, at most
   * @param batchSize rows per batch (for the batch count in progress lines)
   */
  public record Settings(int workers, int maxInFlight, int batchSize) {
    public Settings {
      if (workers < 1 || maxInFlight < 1 || batchSize < 1) {
        throw new IllegalArgumentException(
            "workers, maxInFlight and batchSize must be >= 1: "
                + workers
                + ", "
                + maxInFlight
                + ", "
                + batchSize);
      }
    }
  }

  private final BatchSource source;
  private final TransformWorker worker;
  private final Deduplicator dedup;
  private final ProductSink sink;
  private final Settings settings;
  private final ProgressReporter progress;

  private final InFlightLimit permits;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlightObserved = new AtomicInteger();
  private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
  private final RunTally tally = new RunTally();
  private final RunTimeline timeline = new RunTimeline(RunTimeline.DEFAULT_CAPACITY);
  private long firstBatch;
  private long rowsBefore; // rows of an interrupted run this one resumes
  private Deduplicator inputKeys; // products equal to an input molecule are not written; or null
  private RootBudget roots; // at most so many products per root; or null

  /** What the reader and the workers hand to the consumer. */
  private sealed interface Completion {
    record Done(BatchResult result) implements Completion {}

    record Failed(String where, Throwable cause) implements Completion {}

    record EndOfInput(long batches) implements Completion {}
  }

  public Pipeline(
      BatchSource source,
      TransformWorker worker,
      Deduplicator dedup,
      ProductSink sink,
      Settings settings,
      ProgressReporter progress) {
    this(source, worker, dedup, sink, settings, progress, InFlightLimit::liveHeapFractionOfThisJvm);
  }

  /**
   * As above, with the measure of live heap (used after the last GC, over the maximum) that drives
   * the back-pressure; tests pass a fake.
   */
  Pipeline(
      BatchSource source,
      TransformWorker worker,
      Deduplicator dedup,
      ProductSink sink,
      Settings settings,
      ProgressReporter progress,
      DoubleSupplier liveHeapFraction) {
    this.source = source;
    this.worker = worker;
    this.dedup = dedup;
    this.sink = sink;
    this.settings = settings;
    this.progress = progress;
    this.permits = new InFlightLimit(settings.maxInFlight(), liveHeapFraction);
  }

  /**
   * Makes this run go on from a checkpoint of an earlier, interrupted run: the counts start from
   * the checkpoint's and the first batch expected from the source is the checkpoint's {@code
   * batchesWritten} (the source must start there, and the deduplicator must already hold the keys
   * of every product written before it). Call before {@link #run()}.
   *
   * @return this pipeline
   */
  public Pipeline resumingAfter(RunCheckpoint checkpoint) {
    tally.restore(checkpoint);
    firstBatch = checkpoint.batchesWritten();
    rowsBefore = checkpoint.rows().read();
    return this;
  }

  /**
   * Makes this run drop, as duplicates of an input molecule, the products whose key is in {@code
   * keys} ({@code --exclude-inputs}). Call before {@link #run()}.
   *
   * @return this pipeline
   */
  public Pipeline excludingInputs(Deduplicator keys) {
    this.inputKeys = keys;
    return this;
  }

  /**
   * Makes this run write at most the budget's products per root ({@code --max-products-per-root}),
   * counting the rest as capped per root. Call before {@link #run()}.
   *
   * @return this pipeline
   */
  public Pipeline cappingRoots(RootBudget budget) {
    this.roots = budget;
    return this;
  }

  /**
   * Runs the whole input through and commits the sink.
   *
   * @throws PipelineException if the run failed; the sink was aborted
   */
  public RunTotals run() {
    long start = System.nanoTime();
    ExecutorService pool =
        Executors.newFixedThreadPool(settings.workers(), PipelineThreads.named("transform-worker"));
    ExecutorService reader =
        Executors.newSingleThreadExecutor(PipelineThreads.named("batch-reader"));
    boolean committed = false;
    try {
      reader.execute(() -> readAll(pool));
      Consumer consumer = consume(start);
      commit();
      committed = true;
      return totals(start, consumer);
    } finally {
      reader.shutdownNow();
      pool.shutdownNow();
      PipelineThreads.awaitTermination(reader, "reader");
      PipelineThreads.awaitTermination(pool, "worker");
      if (!committed) {
        sink.abort();
      }
    }
  }

  /** The reader thread: one permit per batch, taken before the batch is read. */
  private void readAll(ExecutorService pool) {
    long index = firstBatch;
    try {
      while (true) {
        permits.acquire();
        RowBatch batch = source.next();
        if (batch == null) {
          permits.release();
          completions.add(new Completion.EndOfInput(index));
          return;
        }
        if (batch.index() != index) {
          throw new IllegalStateException(
              "batch source gave batch " + batch.index() + " where " + index + " was expected");
        }
        maxInFlightObserved.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        pool.execute(() -> transform(batch));
        index++;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the run is stopping
    } catch (Throwable t) {
      completions.add(new Completion.Failed("reading batch " + index, t));
    }
  }

  /** A worker thread: one batch. */
  private void transform(RowBatch batch) {
    try {
      completions.add(new Completion.Done(worker.process(batch)));
    } catch (Throwable t) {
      completions.add(new Completion.Failed("transforming batch " + batch.index(), t));
    }
  }

  /** Times spent by the consumer. */
  private record Consumer(long busyNanos, long waitNanos, long heldNanos, int maxHeld) {}

  /** A finished batch in the reorder window, with when it arrived. */
  private record Held(BatchResult result, long arrivedNanos) {}

  /** The consumer (this thread): reorders, dedups and writes, releasing one permit per batch. */
  private Consumer consume(long start) {
    TreeMap<Long, Held> reorder = new TreeMap<>();
    long held = 0;
    int maxHeld = 0;
    long totalBatches = totalBatches();
    long next = firstBatch;
    long end = -1;
    long busy = 0;
    long waiting = 0;
    while (end < 0 || next < end) {
      long t0 = System.nanoTime();
      Completion completion = take();
      long t1 = System.nanoTime();
      waiting += t1 - t0;
      if (completion instanceof Completion.Failed failed) {
        throw new PipelineException(
            "failed " + failed.where() + ": " + describe(failed.cause()), failed.cause());
      } else if (completion instanceof Completion.EndOfInput endOfInput) {
        end = endOfInput.batches();
      } else if (completion instanceof Completion.Done done) {
        reorder.put(done.result().index(), new Held(done.result(), t1));
        maxHeld = Math.max(maxHeld, reorder.size());
      }
      while (!reorder.isEmpty() && reorder.firstKey() == next) {
        Held first = reorder.pollFirstEntry().getValue();
        held += t1 - first.arrivedNanos();
        write(first.result());
        int nowInFlight = inFlight.decrementAndGet();
        permits.release();
        String adapted = permits.adapt();
        if (adapted != null) {
          LOG.warn(adapted);
        }
        next++;
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.batchWritten(
            tally.progress(next, totalBatches, nowInFlight, permits.limit(), seconds));
        timeline.add(tally.sample(seconds, nowInFlight));
      }
      busy += System.nanoTime() - t1;
    }
    return new Consumer(busy, waiting, held, maxHeld);
  }

  private Completion take() {
    try {
      return completions.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PipelineException("interrupted while waiting for batch results", e);
    }
  }

  private void write(BatchResult result) {
    tally.addBatch(result);
    for (RowRejection r : result.rowRejections()) {
      LOG.debug(
          "row {} (id {}, SMILES {}) rejected at {}: {}",
          r.rowNumber(),
          r.id(),
          r.smiles(),
          r.rejection().stage(),
          r.rejection().reason());
    }
    try {
      for (HashedProduct candidate : result.candidates()) {
        if (inputKeys != null && inputKeys.contains(candidate.hi(), candidate.lo())) {
          tally.inputDuplicate();
        } else if (!dedup.addIfAbsent(candidate.hi(), candidate.lo())) {
          tally.crossBatchDuplicate();
        } else if (roots != null && !roots.admit(candidate.row().lineage().rootId())) {
          tally.cappedPerRoot();
        } else {
          sink.write(candidate.row());
          tally.written(candidate.row());
        }
      }
      for (RejectRow reject : result.rejects()) {
        sink.reject(reject);
      }
      sink.batchWritten(tally.checkpoint(result.index() + 1));
    } catch (Exception e) {
      throw new PipelineException("failed writing batch " + result.index() + ": " + describe(e), e);
    }
    Runtime runtime = Runtime.getRuntime();
    tally.sampleHeap(runtime.totalMemory() - runtime.freeMemory());
  }

  private void commit() {
    try {
      sink.commit();
    } catch (Exception e) {
      throw new PipelineException("failed committing the output: " + describe(e), e);
    }
  }

  private long totalBatches() {
    long rows = source.rowCount();
    return rows < 0 ? -1 : (rows + settings.batchSize() - 1) / settings.batchSize();
  }

  private RunTotals totals(long start, Consumer consumer) {
    double elapsed = (System.nanoTime() - start) / 1e9;
    RunSummary.Performance performance =
        new RunSummary.Performance(
            elapsed,
            elapsed > 0 ? (tally.rowsRead - rowsBefore) / elapsed : 0,
            maxInFlightObserved.get(),
            consumer.busyNanos() / 1e9,
            consumer.waitNanos() / 1e9,
            tally.workerNanos / 1e9,
            tally.peakHeapUsed,
            MemoryWatch.peakHeapPoolBytes(),
            Runtime.getRuntime().maxMemory(),
            consumer.heldNanos() / 1e9,
            consumer.maxHeld());
    RunSummary.DedupStats dedupStats =
        new RunSummary.DedupStats(
            dedup.mode(), dedup.describe(), dedup.memoryBytes(), dedup.expectedFalseDrops());
    return new RunTotals(
        tally.rows(),
        tally.products(),
        tally.transforms(),
        dedupStats,
        performance,
        List.copyOf(tally.rejectedExamples),
        timeline.samples());
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
