package org.transformpipeline.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.transformpipeline.parquet.OwnFiles;
import org.transformpipeline.parquet.ParquetRows;
import org.transformpipeline.pipeline.ProductRow;

/**
 * How many products a root already has in committed parts, asked root by root in output order (for
 * {@code --max-products-per-root}). Each generation's products are grouped by root, in input order
 * (see {@link org.transformpipeline.pipeline.RootBudget}), so one forward cursor per generation
 * over its {@code root_id} column answers every question in one pass: to count root r it moves to
 * the first row of r and counts the rows of r that follow. A root with products in generation g has
 * some in every generation before (its parents), so the cursors of earlier generations always find
 * it; the cursor over the resumed generation's own committed parts may not (its root came after
 * them), and then stays at the end, as all later roots do too.
 *
 * <p>Not thread-safe: the pipeline's consumer asks. Closing closes the cursors' files.
 */
public final class RootCounts implements ToLongFunction<String>, AutoCloseable {

  private final List<Cursor> cursors = new ArrayList<>();

  /**
   * @param generations the product part files of each generation to count in
   */
  public RootCounts(List<List<Path>> generations) {
    generations.forEach(parts -> cursors.add(new Cursor(parts)));
  }

  @Override
  public long applyAsLong(String root) {
    long count = 0;
    for (Cursor cursor : cursors) {
      count += cursor.count(root);
    }
    return count;
  }

  @Override
  public void close() {
    cursors.forEach(Cursor::close);
  }

  /** The root ids of one generation's parts, read forward. */
  private static final class Cursor {
    private final List<Path> parts;
    private int nextPart;
    private ParquetRows<ProductRow> open;
    private String peeked; // the next root id not yet counted, or null

    Cursor(List<Path> parts) {
      this.parts = parts;
    }

    long count(String root) {
      while (peeked != null || advance()) {
        if (peeked.equals(root)) {
          break;
        }
        peeked = null;
      }
      long n = 0;
      while (peeked != null && peeked.equals(root)) {
        n++;
        peeked = null;
        advance();
      }
      return n;
    }

    /** Reads the next root id into {@code peeked}; false at the end. */
    private boolean advance() {
      while (true) {
        if (open == null) {
          if (nextPart == parts.size()) {
            return false;
          }
          open = OwnFiles.rootIds(parts.get(nextPart++));
        }
        ProductRow row = open.read();
        if (row != null) {
          peeked = row.lineage().rootId();
          return true;
        }
        open.close();
        open = null;
      }
    }

    void close() {
      if (open != null) {
        open.close();
        open = null;
      }
    }
  }
}
