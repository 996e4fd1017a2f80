package org.transformpipeline.run;

/**
 * The batch size when {@code --batch-size} is not given: a 64th of the input rows, at least {@value
 * #MIN} and at most {@value #MAX}.
 *
 * <p>Why: a batch is the unit of work, so a library of fewer rows than one batch keeps one worker
 * busy and the others idle (a 10,000-row library took as long with 2 workers as with 1 at the old
 * fixed 10,000). 64 batches give each of up to 16 workers four or more, enough that the last
 * batch's tail is short. The floor keeps the per-batch costs (a task, a result, a reorder slot, a
 * dedup pass) small against the chemistry; the ceiling keeps a batch's products, and so memory,
 * bounded on large libraries. The choice depends only on the input's row count, not on {@code
 * --workers}, so the same input gives the same batches and {@code --resume} with other workers
 * still matches.
 */
public final class BatchSize {

  /** Fewest rows per batch chosen. */
  public static final int MIN = 200;

  /** Most rows per batch chosen (the old fixed default). */
  public static final int MAX = 10_000;

  /** Batches aimed at for a library. */
  static final int BATCHES = 64;

  private BatchSize() {}

  /** The batch size for a library of {@code rows} rows. */
  public static int forRows(long rows) {
    long size = (rows + BATCHES - 1) / BATCHES;
    return (int) Math.max(MIN, Math.min(MAX, size));
  }
}
