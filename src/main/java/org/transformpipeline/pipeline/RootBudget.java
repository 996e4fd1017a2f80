package org.transformpipeline.pipeline;

import java.util.function.ToLongFunction;

/**
 * At most {@code max} products written per root ({@code --max-products-per-root}) over every
 * generation of a run. Products reach the consumer grouped by root: in input order in generation 1
 * (a row's products together), and so in every later generation, whose parents are the previous
 * generation's products in order. So only the current root's count is held; the products a root
 * already has (in earlier generations, and for a resumed generation in its committed parts) are
 * asked for once per root, from the files on disk. Memory does not grow with the number of roots.
 *
 * <p>Not thread-safe: the pipeline's consumer owns it.
 */
public final class RootBudget {

  private final int max;
  private final ToLongFunction<String> earlier;
  private String current;
  private long used;

  /**
   * @param max products per root, at least 1
   * @param earlier the products a root already has, asked once per root, for roots in output order
   */
  public RootBudget(int max, ToLongFunction<String> earlier) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1: " + max);
    }
    this.max = max;
    this.earlier = earlier;
  }

  /** Whether one more product of this root may be written; counts it if so. */
  boolean admit(String rootId) {
    if (!rootId.equals(current)) {
      current = rootId;
      used = earlier.applyAsLong(rootId);
    }
    if (used >= max) {
      return false;
    }
    used++;
    return true;
  }
}
