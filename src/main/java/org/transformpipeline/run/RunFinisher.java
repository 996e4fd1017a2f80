package org.transformpipeline.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;
import org.transformpipeline.pipeline.dedup.DedupStateFile;

/**
 * Ends a run whose every batch is in committed parts: saves the dedup state, joins the parts (or
 * publishes the one part) into the final rejects and products files, writes the summary, removes
 * the parts.
 *
 * <p>The order lets a run killed at any point be resumed (or be done): the manifest was marked
 * complete by the pipeline's commit; the dedup state is written to a temporary file, its checksum
 * added to the manifest, then renamed into place; the final files are published (rejects, then
 * products); the summary is written; the parts directory is deleted. A resumed run that finds a
 * complete manifest redoes these steps, which give the same files.
 *
 * <p>Not thread-safe; finish once.
 *
 * @param target where the run writes
 * @param dedupStateFile where to save the dedup state, or null to save none
 * @param quiet whether the line saying how long joining the parts took is left out (logged at debug
 *     level)
 */
public record RunFinisher(RunTarget target, Path dedupStateFile, boolean quiet) {

  private static final Logger LOG = LoggerFactory.getLogger(RunFinisher.class);

  /**
   * Finishes the run.
   *
   * @param start the run, its sink committed
   * @param summary the run's summary, written to {@link RunTarget#summaryFile()}
   */
  public void finish(RunStart start, RunSummary summary) throws IOException {
    RunOutput output = start.sink();
    if (dedupStateFile != null) {
      DedupStateFile.Staged staged = DedupStateFile.stage(dedupStateFile, start.dedup());
      try {
        output.parts().writeManifest(output.manifest().withDedupState(staged.checksum()));
        staged.publish();
      } finally {
        staged.discard();
      }
    }
    long begin = System.nanoTime();
    output.publish(target.output(), target.rejectsFile(), start.replacesTargets());
    int partCount = output.manifest().parts().size();
    LOG.atLevel(quiet ? Level.DEBUG : Level.INFO)
        .log(
            partCount == 1
                ? "published the run's one part as {} and {} in {} s (no join)"
                : "joined " + partCount + " parts into {} and {} in {} s",
            target.output(),
            target.rejectsFile(),
            String.format(Locale.ROOT, "%.1f", (System.nanoTime() - begin) / 1e9));
    SummaryReport.writeJson(summary, target.summaryFile());
    output.removeParts();
  }
}
