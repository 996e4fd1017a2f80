package org.transformpipeline.spark;

import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * One element of a partition's output: a product candidate (a row of {@link
 * SparkColumns#keyedProducts}), a reject (a row of {@link SparkColumns#keyedRejects}), or the
 * partition's tally, its last element. One stream rather than three, so that the chemistry runs
 * once per partition and the three are split from the one persisted result. Exactly one field is
 * set.
 *
 * @param product a product candidate, or null
 * @param reject a rejected row or product, or null
 * @param tally the partition's counts, or null
 */
record Outcome(Row product, Row reject, PartitionTally tally) implements Serializable {

  static Outcome product(Row row) {
    return new Outcome(row, null, null);
  }

  static Outcome reject(Row row) {
    return new Outcome(null, row, null);
  }

  static Outcome tally(PartitionTally tally) {
    return new Outcome(null, null, tally);
  }
}
