package org.transformpipeline.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.transformpipeline.chem.ParentOutcome;
import org.transformpipeline.chem.Product;
import org.transformpipeline.chem.Rejection;

/** Small stand-ins for the real stages, so the pipeline can be tested without chemistry or I/O. */
final class Fakes {

  private Fakes() {}

  /** Rows with SMILES "0", "1", ... and ids "id0", "id1", ...; pass-through {rowNumber}. */
  static List<InputRow> numberedRows(int n) {
    List<InputRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new InputRow(i, "id" + i, Integer.toString(i), new Object[] {(long) i}));
    }
    return rows;
  }

  /**
   * A fake chemistry: "none" matches no site, "bad" throws, "unparsable" is a parse reject; a
   * number k makes three products whose SMILES repeat across rows (and so across batches): {@code
   * A(k%7)} by transform a, {@code B(k%11)} by transform b, and {@code C(k/3)} by transform c, and
   * one rejected product when k%5 == 0, and 2 capped when k%4 == 0.
   */
  static ParentOutcome enumerate(String smiles) {
    switch (smiles) {
      case "none":
        return new ParentOutcome.NoSiteMatched();
      case "bad":
        throw new IllegalStateException("kekulisation failed: ring 3");
      case "unparsable":
        return new ParentOutcome.Rejected(
            new Rejection(Rejection.Stage.PARSE, "bad SMILES: pos 4"));
      default:
        int k = Integer.parseInt(smiles);
        List<Product> products =
            List.of(
                new Product("A" + (k % 7), "a", 1),
                new Product("B" + (k % 11), "b", 2),
                new Product("C" + (k / 3), "c", k % 3));
        List<Rejection> rejections =
            k % 5 == 0
                ? List.of(new Rejection(Rejection.Stage.PRODUCT, "valence: atom 3"))
                : List.of();
        return new ParentOutcome.Derivatized(products, rejections, k % 4 == 0 ? 2 : 0);
    }
  }

  /** A batch source over a list of rows; can be told to fail, and to watch each read. */
  static final class ListSource implements BatchSource {
    private final List<InputRow> rows;
    private final int batchSize;
    private final int failAtBatch;
    private final Consumer<Long> beforeRead;
    private int position;
    private long index;
    volatile boolean closed;

    ListSource(List<InputRow> rows, int batchSize) {
      this(rows, batchSize, -1, i -> {});
    }

    ListSource(List<InputRow> rows, int batchSize, int failAtBatch, Consumer<Long> beforeRead) {
      this.rows = rows;
      this.batchSize = batchSize;
      this.failAtBatch = failAtBatch;
      this.beforeRead = beforeRead;
    }

    @Override
    public RowBatch next() throws IOException {
      beforeRead.accept(index);
      if (index == failAtBatch) {
        throw new IOException("row group " + index + " is corrupt");
      }
      if (position >= rows.size()) {
        return null;
      }
      int end = Math.min(rows.size(), position + batchSize);
      RowBatch batch = new RowBatch(index++, List.copyOf(rows.subList(position, end)));
      position = end;
      return batch;
    }

    @Override
    public long rowCount() {
      return rows.size();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** A sink that keeps the rows; can be slowed down, watched, or told to fail. */
  static class RecordingSink implements ProductSink {
    final List<ProductRow> rows = Collections.synchronizedList(new ArrayList<>());
    private final int failAtRow;
    volatile boolean committed;
    volatile boolean aborted;

    RecordingSink() {
      this(-1);
    }

    RecordingSink(int failAtRow) {
      this.failAtRow = failAtRow;
    }

    @Override
    public void write(ProductRow row) throws IOException {
      if (rows.size() == failAtRow) {
        throw new IOException("No space left on device");
      }
      rows.add(row);
    }

    @Override
    public void commit() {
      committed = true;
    }

    @Override
    public void abort() {
      aborted = true;
    }
  }

  /** Progress that goes nowhere. */
  static ProgressReporter silentProgress() {
    return new ProgressReporter(true, 1, new MemoryWatch(() -> 0, () -> 1), s -> {}, s -> {});
  }
}
