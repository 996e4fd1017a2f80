package org.transformpipeline.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transformpipeline.chem.CanonicalSmiles;
import org.transformpipeline.parquet.BatchReader;
import org.transformpipeline.parquet.InputSchema;
import org.transformpipeline.pipeline.InputRow;
import org.transformpipeline.pipeline.PipelineThreads;
import org.transformpipeline.pipeline.ProductKey;
import org.transformpipeline.pipeline.RowBatch;
import org.transformpipeline.pipeline.dedup.DedupMode;
import org.transformpipeline.pipeline.dedup.DedupSettings;
import org.transformpipeline.pipeline.dedup.Deduplicator;

/**
 * The keys of the input molecules, for a run that must not write a product equal to one ({@code
 * --exclude-inputs}, or the rows of an {@code apply} output being continued): a streaming pre-pass
 * over the input, batch by batch, each batch's SMILES canonicalised on the workers as products are
 * (an {@code apply} output's product SMILES are canonical already and are only hashed), the keys
 * kept in a set of the run's dedup mode (a Bloom filter, or exact; exact for {@code --dedup none})
 * sized by the row count. At most {@code 2 x workers} batches in memory. A SMILES that does not
 * parse has no key: the run rejects that row anyway.
 *
 * <p>Not thread-safe; collect once.
 */
public final class InputKeys {

  private static final Logger LOG = LoggerFactory.getLogger(InputKeys.class);

  private InputKeys() {}

  /**
   * Reads every input row and returns the set of their keys.
   *
   * @param input the library
   * @param schema its schema
   * @param dedup the run's dedup settings (mode and false-positive rate)
   * @param workers threads that canonicalise
   * @param batchSize rows per batch
   * @throws org.transformpipeline.parquet.InputException naming the file and row when it cannot be
   *     read
   */
  public static Deduplicator collect(
      RunInput input, InputSchema schema, DedupSettings dedup, int workers, int batchSize) {
    long start = System.nanoTime();
    DedupMode mode = dedup.mode() == DedupMode.BLOOM ? DedupMode.BLOOM : DedupMode.EXACT;
    Deduplicator keys = mode.create(Math.max(1, schema.rowCount()), dedup.bloomFpp());
    boolean canonical = schema.continuesLineage();
    ThreadLocal<CanonicalSmiles> canonicalisers = ThreadLocal.withInitial(CanonicalSmiles::new);
    ExecutorService pool =
        Executors.newFixedThreadPool(workers, PipelineThreads.named("input-keys"));
    ExecutorCompletionService<long[]> done = new ExecutorCompletionService<>(pool);
    int inFlight = 0;
    long rows = 0;
    try (BatchReader reader = input.open(batchSize, 0)) {
      for (RowBatch batch = reader.next(); batch != null; batch = reader.next()) {
        List<InputRow> batchRows = batch.rows();
        rows += batchRows.size();
        done.submit(() -> keysOf(batchRows, canonical ? null : canonicalisers.get()));
        if (++inFlight >= 2 * workers) {
          add(done.take(), keys);
          inFlight--;
        }
      }
      while (inFlight-- > 0) {
        add(done.take(), keys);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the input molecules", e);
    } finally {
      pool.shutdownNow();
      PipelineThreads.awaitTermination(pool, "input-keys");
    }
    LOG.info(
        "{}: {} input molecules keyed in {} s ({})",
        input.file(),
        rows,
        String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9),
        keys.describe());
    return keys;
  }

  /** The keys of a batch's molecules, two longs each; rows that do not parse are left out. */
  private static long[] keysOf(List<InputRow> rows, CanonicalSmiles canonicaliser) {
    List<ProductKey> out = new ArrayList<>(rows.size());
    for (InputRow row : rows) {
      String smiles = row.smiles();
      if (smiles == null || smiles.isBlank()) {
        continue;
      }
      try {
        out.add(ProductKey.of(canonicaliser == null ? smiles : canonicaliser.of(smiles)));
      } catch (RuntimeException | StackOverflowError e) {
        // not a molecule: no product can equal it
      }
    }
    long[] keys = new long[2 * out.size()];
    for (int i = 0; i < out.size(); i++) {
      keys[2 * i] = out.get(i).hi();
      keys[2 * i + 1] = out.get(i).lo();
    }
    return keys;
  }

  private static void add(Future<long[]> batch, Deduplicator into) throws InterruptedException {
    long[] keys;
    try {
      keys = batch.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("keying the input molecules failed: " + e.getCause(), e);
    }
    for (int i = 0; i < keys.length; i += 2) {
      into.addIfAbsent(keys[i], keys[i + 1]);
    }
  }
}
