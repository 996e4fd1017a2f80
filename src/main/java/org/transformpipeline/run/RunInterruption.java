package org.transformpipeline.run;

import java.util.function.Consumer;
import org.transformpipeline.pipeline.RunCheckpoint;

/**
 * The end of a run that is stopped from outside (SIGTERM, Ctrl-C): a JVM shutdown hook, held while
 * the run writes, that says how far the run got (what its committed parts hold) and that the same
 * command with {@code --resume} goes on from there, as the refusal to start over does. A kill that
 * the JVM cannot see (SIGKILL) leaves the same parts, without the message.
 *
 * <p>Thread-safe: the hook reads the manifest the consumer thread last wrote.
 */
public final class RunInterruption {

  private final Thread hook;

  private RunInterruption(Thread hook) {
    this.hook = hook;
  }

  /**
   * Starts watching a run: until {@link #stop()}, a shutdown of the JVM prints one line.
   *
   * @param start the run
   * @param target where it writes
   * @param say where the line goes (stderr)
   */
  public static RunInterruption watch(RunStart start, RunTarget target, Consumer<String> say) {
    Thread hook =
        new Thread(() -> say.accept(message(start.sink().manifest(), target)), "run-interruption");
    Runtime.getRuntime().addShutdownHook(hook);
    return new RunInterruption(hook);
  }

  /** The line for a run stopped with this manifest last written. */
  static String message(PartManifest manifest, RunTarget target) {
    RunCheckpoint done = manifest.checkpoint();
    String got =
        manifest.complete()
            ? "every batch is in the finished parts in " + target.partsDir()
            : done.batchesWritten()
                + (done.batchesWritten() == 1 ? " batch (" : " batches (")
                + done.rows().read()
                + " rows, "
                + done.products().written()
                + " products) are in the finished parts in "
                + target.partsDir();
    return "interrupted before "
        + target.output()
        + " was written: "
        + got
        + ": run the same command with --resume to go on";
  }

  /** Stops watching: the run has ended (finished or failed with its own message). */
  public void stop() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs
    }
  }
}
