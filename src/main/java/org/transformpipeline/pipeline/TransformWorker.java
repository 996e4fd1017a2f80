package org.transformpipeline.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.transformpipeline.chem.ParentOutcome;
import org.transformpipeline.chem.Product;
import org.transformpipeline.chem.ProductRejection;
import org.transformpipeline.chem.Rejection;

/**
 * The per-batch task: enumerates the products of every row of a batch, drops the products already
 * made by an earlier row of the same batch, and hashes the survivors' SMILES (128-bit murmur3).
 *
 * <p>Every row ends as an outcome: a null or blank SMILES is rejected at stage {@code INPUT}
 * without calling the enumerator; an unexpected exception from the enumerator on one row (a {@link
 * RuntimeException}, a {@link StackOverflowError} on a huge molecule, or an {@link AssertionError}
 * from a library's internal check, seen in CDK's SMILES writer on fuzzed allene stereo when
 * assertions are on) is rejected at stage {@code INTERNAL} with the exception's class and message,
 * and the batch goes on. Other errors ({@code OutOfMemoryError}) stop the run. (That thread's
 * enumerator is then replaced by a fresh one, in case the exception left it in a bad state).
 *
 * <p><b>Why in-batch dedup is here and not on the consumer.</b> Dedup within a batch depends only
 * on the batch, and its "first occurrence wins" order (row, then transform, then site) is the same
 * input order the consumer uses across batches, so the rows written are exactly those the consumer
 * would keep doing both steps itself. Doing it here moves the hashing and the per-batch hash set
 * onto the worker threads, so the single consumer only does one dedup lookup and one write per
 * surviving product.
 *
 * <p>Thread-safe: each pool thread gets its own enumerator from the supplier (a {@link
 * ThreadLocal}), since the chemistry objects behind it are not thread-safe.
 */
public final class TransformWorker {

  private final ThreadLocal<ParentEnumerator> enumerators;
  private final Scoring scoring;

  /**
   * @param enumeratorFactory called once per worker thread (and after a row's exception)
   */
  public TransformWorker(Supplier<? extends ParentEnumerator> enumeratorFactory) {
    this(enumeratorFactory, Scoring.NONE);
  }

  /**
   * @param enumeratorFactory called once per worker thread (and after a row's exception)
   * @param scoring the transforms' probabilities and the score below which products are pruned
   */
  public TransformWorker(Supplier<? extends ParentEnumerator> enumeratorFactory, Scoring scoring) {
    this.enumerators = ThreadLocal.withInitial(enumeratorFactory);
    this.scoring = scoring;
  }

  /**
   * Processes one batch; throws only on a failure that should stop the run, or {@link
   * CancellationException} when the thread is interrupted (the pool is shutting down).
   */
  public BatchResult process(RowBatch batch) {
    long start = System.nanoTime();
    int withProducts = 0;
    int noSite = 0;
    long generated = 0;
    long capped = 0;
    long inBatchDuplicates = 0;
    long belowMinScore = 0;
    List<RowRejection> rejections = new ArrayList<>();
    List<RejectRow> rejects = new ArrayList<>();
    Map<String, Long> productRejects = new TreeMap<>();
    Map<String, Long> byTransform = new TreeMap<>();
    Map<String, Long> filtered = new TreeMap<>();
    List<HashedProduct> candidates = new ArrayList<>();
    Set<ProductKey> seen = new HashSet<>();

    for (InputRow row : batch.rows()) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException(
            "batch " + batch.index() + " cancelled: the run is stopping");
      }
      ParentOutcome outcome = outcomeOf(row);
      if (outcome instanceof ParentOutcome.Rejected rejected) {
        RowRejection rejection =
            new RowRejection(row.rowNumber(), row.id(), row.smiles(), rejected.rejection());
        rejections.add(rejection);
        rejects.add(RejectRow.of(rejection, row.lineage().generation() + 1));
      } else if (outcome instanceof ParentOutcome.NoSiteMatched) {
        noSite++;
      } else if (outcome instanceof ParentOutcome.Derivatized derivatized) {
        withProducts++;
        capped += derivatized.capped();
        derivatized.filtered().forEach((reason, n) -> filtered.merge(reason, (long) n, Long::sum));
        for (ProductRejection r : derivatized.productRejections()) {
          productRejects.merge(r.rejection().category(), 1L, Long::sum);
          rejects.add(RejectRow.of(row, r));
        }
        for (Product product : derivatized.products()) {
          generated++;
          byTransform.merge(product.transform(), 1L, Long::sum);
          Lineage lineage =
              row.lineage().next(product.transform(), scoring.probability(product.transform()));
          if (lineage.score() < scoring.minScore()) {
            belowMinScore++;
            continue;
          }
          ProductKey key = ProductKey.of(product.smiles());
          if (seen.add(key)) {
            candidates.add(
                new HashedProduct(productRow(row, product, key, lineage), key.hi(), key.lo()));
          } else {
            inBatchDuplicates++;
          }
        }
      }
    }
    return new BatchResult(
        batch.index(),
        batch.rows().size(),
        withProducts,
        noSite,
        rejections,
        generated,
        productRejects,
        rejects,
        capped,
        byTransform,
        candidates,
        inBatchDuplicates,
        System.nanoTime() - start,
        belowMinScore,
        filtered);
  }

  private ParentOutcome outcomeOf(InputRow row) {
    String smiles = row.smiles();
    if (smiles == null) {
      return rejected(Rejection.Stage.INPUT, "no SMILES: null cell");
    }
    if (smiles.isBlank()) {
      return rejected(Rejection.Stage.INPUT, "no SMILES: empty cell");
    }
    // outside the try: an enumerator that cannot be made is a failure of the run, not of a row
    ParentEnumerator enumerator = enumerators.get();
    try {
      ParentOutcome outcome = enumerator.enumerate(smiles);
      if (outcome == null) {
        throw new IllegalStateException("enumerator returned no outcome");
      }
      return outcome;
    } catch (RuntimeException | StackOverflowError | AssertionError e) {
      enumerators.remove();
      String message = e.getMessage() == null ? "(no message)" : e.getMessage();
      return rejected(Rejection.Stage.INTERNAL, e.getClass().getName() + ": " + message);
    }
  }

  private static ParentOutcome rejected(Rejection.Stage stage, String reason) {
    return new ParentOutcome.Rejected(new Rejection(stage, reason));
  }

  private static ProductRow productRow(
      InputRow parent, Product product, ProductKey key, Lineage lineage) {
    return new ProductRow(
        product.smiles(),
        parent.id(),
        parent.smiles(),
        product.transform(),
        product.site(),
        product.fragment(),
        key.hex(),
        lineage,
        parent.passThrough());
  }
}
