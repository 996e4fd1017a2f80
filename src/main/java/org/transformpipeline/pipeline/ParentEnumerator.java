package org.transformpipeline.pipeline;

import org.transformpipeline.chem.ParentOutcome;

/**
 * Turns one parent SMILES into its outcome. The real one is {@code
 * chem.ProductEnumerator::enumerate}; tests pass small fakes. An instance is used by one worker
 * thread only, so it need not be thread-safe.
 */
@FunctionalInterface
public interface ParentEnumerator {
  ParentOutcome enumerate(String smiles);
}
