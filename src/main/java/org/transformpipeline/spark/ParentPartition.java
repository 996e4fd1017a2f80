package org.transformpipeline.spark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.transformpipeline.parquet.ProductWriter;
import org.transformpipeline.pipeline.BatchResult;
import org.transformpipeline.pipeline.HashedProduct;
import org.transformpipeline.pipeline.InputRow;
import org.transformpipeline.pipeline.Lineage;
import org.transformpipeline.pipeline.ProductRow;
import org.transformpipeline.pipeline.RejectRow;
import org.transformpipeline.pipeline.RowBatch;
import org.transformpipeline.pipeline.TransformWorker;

/**
 * The chemistry of one partition: groups its rows (in input order) into {@link RowBatch}es and runs
 * each through {@code apply}'s own {@link TransformWorker#process}, so enumeration, validation,
 * guards, in-batch dedup and hashing are exactly apply's; then emits every surviving product with
 * its 128-bit key and its input-order key {@code (row number, position in its batch)}, every
 * reject, and, last, the partition's {@link PartitionTally}. Outcomes are produced batch by batch
 * as Spark pulls them, so a partition is never held whole in memory.
 *
 * <p>Input rows are {@code [smiles, id, row number, pass-through...]} ({@link SparkRun} selects
 * them so; a later generation's rows have their lineage after the row number). The row number is
 * global in input order (files in path order, rows in file order; in a later generation, the
 * position of the parent product in the output of the generation before), so it alone decides which
 * parent keeps a product made by several: in-batch dedup already leaves at most one candidate per
 * key and row.
 *
 * <p><b>One enumerator per task thread.</b> The workers are cached per recipe in this JVM, and a
 * {@link TransformWorker} keeps one enumerator per thread: an executor's task threads each compile
 * the SMIRKS once for the whole job, not once per task.
 *
 * <p><b>Finding a candidate's parent.</b> {@link BatchResult#candidates()} carries the output row,
 * not the input row it came from; since the worker copies the parent's pass-through cells into the
 * product unchanged, each row goes in with one extra cell, its index in the batch, which is read
 * back from the candidate and cut off before the product is emitted.
 */
final class ParentPartition implements FlatMapFunction<Iterator<Row>, Outcome> {

  private static final Map<EnumeratorRecipe, TransformWorker> WORKERS = new ConcurrentHashMap<>();

  private static final int PRODUCT_COLUMNS = ProductWriter.PRODUCT_COLUMNS.size();

  /** Lineage columns after the row number of a later generation's rows. */
  static final int LINEAGE_COLUMNS = 4;

  private final EnumeratorRecipe recipe;
  private final int batchSize;
  private final int passThroughColumns;
  private final boolean lineage;
  private final FailureInjection failure;

  /**
   * @param recipe how to build the enumerator
   * @param batchSize rows per batch (in-batch dedup, and the unit the worker processes)
   * @param passThroughColumns how many pass-through cells follow the row number (and the lineage)
   * @param lineage the rows are products of an earlier generation: {@code [smiles, id, row number,
   *     generation, root id, pathway, score, pass-through...]}, their id the product id
   * @param failure a task to fail on purpose, or null
   */
  ParentPartition(
      EnumeratorRecipe recipe,
      int batchSize,
      int passThroughColumns,
      boolean lineage,
      FailureInjection failure) {
    this.recipe = recipe;
    this.batchSize = batchSize;
    this.passThroughColumns = passThroughColumns;
    this.lineage = lineage;
    this.failure = failure;
  }

  @Override
  public Iterator<Outcome> call(Iterator<Row> rows) {
    TransformWorker worker =
        WORKERS.computeIfAbsent(recipe, r -> new TransformWorker(r::enumerator, r.scoring()));
    return new Outcomes(rows, worker);
  }

  /** The lazy outcome stream of one partition. */
  private final class Outcomes implements Iterator<Outcome> {
    private final Iterator<Row> rows;
    private final TransformWorker worker;
    private final ArrayDeque<Outcome> pending = new ArrayDeque<>();
    private PartitionTally tally = PartitionTally.EMPTY;
    private long batches;
    private boolean tallied;

    Outcomes(Iterator<Row> rows, TransformWorker worker) {
      this.rows = rows;
      this.worker = worker;
    }

    @Override
    public boolean hasNext() {
      while (pending.isEmpty() && !tallied) {
        if (rows.hasNext()) {
          processBatch();
        } else {
          pending.add(Outcome.tally(tally));
          tallied = true;
        }
      }
      return !pending.isEmpty();
    }

    @Override
    public Outcome next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.poll();
    }

    private void processBatch() {
      List<InputRow> batch = new ArrayList<>(batchSize);
      while (batch.size() < batchSize && rows.hasNext()) {
        batch.add(inputRow(rows.next(), batch.size()));
      }
      BatchResult result = worker.process(new RowBatch(batches++, batch));
      if (failure != null && batches == 1) {
        failure.afterFirstBatch();
      }
      List<HashedProduct> candidates = result.candidates();
      for (int seq = 0; seq < candidates.size(); seq++) {
        HashedProduct candidate = candidates.get(seq);
        Object[] cells = candidate.row().passThrough();
        InputRow parent = batch.get((Integer) cells[passThroughColumns]);
        pending.add(Outcome.product(productRow(candidate, parent.rowNumber(), seq)));
      }
      List<RejectRow> rejects = result.rejects();
      for (int seq = 0; seq < rejects.size(); seq++) {
        pending.add(Outcome.reject(rejectRow(rejects.get(seq), seq)));
      }
      tally = tally.plus(PartitionTally.of(result));
    }
  }

  private InputRow inputRow(Row row, int indexInBatch) {
    String smiles = text(row.get(0));
    long rowNumber = row.getLong(2);
    String idCell = text(row.get(1));
    String id = idCell == null ? Long.toString(rowNumber) : idCell;
    int first = lineage ? 3 + LINEAGE_COLUMNS : 3;
    Object[] cells = new Object[passThroughColumns + 1];
    for (int i = 0; i < passThroughColumns; i++) {
      cells[i] = row.get(first + i);
    }
    cells[passThroughColumns] = indexInBatch;
    if (!lineage) {
      return new InputRow(rowNumber, id, smiles, cells);
    }
    return new InputRow(
        rowNumber,
        id,
        smiles,
        cells,
        new Lineage(row.getInt(3), row.getString(4), row.getString(5), row.getDouble(6)));
  }

  /** A SMILES or id cell as apply reads it: strings and bytes as UTF-8, integers in decimal. */
  private static String text(Object cell) {
    if (cell == null) {
      return null;
    }
    return cell instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.UTF_8)
        : cell.toString();
  }

  private Row productRow(HashedProduct candidate, long rowNumber, int seq) {
    ProductRow p = candidate.row();
    Object[] values =
        new Object[SparkColumns.PRODUCT_KEYS.size() + PRODUCT_COLUMNS + passThroughColumns];
    int i = 0;
    values[i++] = candidate.hi();
    values[i++] = candidate.lo();
    values[i++] = rowNumber;
    values[i++] = seq;
    values[i++] = p.productSmiles();
    values[i++] = p.parentId();
    values[i++] = p.parentSmiles();
    values[i++] = p.transform();
    values[i++] = p.site();
    values[i++] = p.fragment();
    values[i++] = p.productId();
    values[i++] = p.lineage().generation();
    values[i++] = p.lineage().rootId();
    values[i++] = p.lineage().pathway();
    values[i++] = p.lineage().score();
    System.arraycopy(p.passThrough(), 0, values, i, passThroughColumns);
    return RowFactory.create(values);
  }

  private static Row rejectRow(RejectRow r, int seq) {
    return RowFactory.create(
        r.rowNumber(),
        r.id(),
        r.smiles(),
        r.rejection().stage().name(),
        r.rejection().reason(),
        r.transform(),
        r.generation(),
        seq);
  }
}
