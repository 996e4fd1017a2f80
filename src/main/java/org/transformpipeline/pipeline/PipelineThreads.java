package org.transformpipeline.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of a {@link Pipeline}: named daemon threads (so that a thread dump says which stage
 * each is), and the wait for them after a shutdown. Stateless.
 */
public final class PipelineThreads {

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /** How long to wait for the threads to stop after a shutdown before warning about them. */
  private static final long SHUTDOWN_WAIT_SECONDS = 60;

  private PipelineThreads() {}

  /** Daemon threads named {@code prefix-1}, {@code prefix-2}, ... */
  public static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Waits for a shut-down executor's threads, warning when they are still running after 60 s. */
  public static void awaitTermination(ExecutorService executor, String what) {
    try {
      if (!executor.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("{} threads still running {} s after shutdown", what, SHUTDOWN_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
