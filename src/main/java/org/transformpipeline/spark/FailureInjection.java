package org.transformpipeline.spark;

import java.io.Serializable;
import org.apache.spark.TaskContext;

/**
 * A task failure on purpose, to show that Spark's retry gives the same output (hidden option {@code
 * --inject-failure PARTITION:ATTEMPTS}): the task of partition {@code partition} throws after its
 * first batch on each of its first {@code attempts} attempts, so that work done and thrown away is
 * part of the test. Immutable.
 *
 * @param partition the partition whose task fails
 * @param attempts how many attempts fail (1: the first fails, the retry succeeds)
 */
record FailureInjection(int partition, int attempts) implements Serializable {

  /** Reads {@code PARTITION:ATTEMPTS}. */
  static FailureInjection parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("expected PARTITION:ATTEMPTS, got " + text);
    }
    return new FailureInjection(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  /** Throws when the current task is one that must fail. */
  void afterFirstBatch() {
    TaskContext task = TaskContext.get();
    if (task != null && task.partitionId() == partition && task.attemptNumber() < attempts) {
      throw new IllegalStateException(
          "injected failure: partition "
              + partition
              + ", attempt "
              + task.attemptNumber()
              + " (--inject-failure)");
    }
  }
}
