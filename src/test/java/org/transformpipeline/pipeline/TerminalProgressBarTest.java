package org.transformpipeline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TerminalProgressBarTest {

  @Test
  void theTextAfterTheBarGivesProductsHeapAndInFlight() {
    ProgressReporter.Progress p =
        new ProgressReporter.Progress(
            3, 10, 2, 4, 30_000, 412_345, 400_001, 12.5, 300L << 20, 1024L << 20);
    assertEquals(
        " | products 412,345 | unique 400,001 | heap 300/1024 MiB | in-flight 2/4",
        TerminalProgressBar.extra(p));
  }
}
