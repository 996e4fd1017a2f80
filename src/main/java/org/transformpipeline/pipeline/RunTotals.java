package org.transformpipeline.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The counts, dedup statistics and performance of one pipeline run: a {@link RunSummary} without
 * the input, output and settings (which the command knows), and the run's timeline.
 */
public record RunTotals(
    RunSummary.RowCounts rows,
    RunSummary.ProductCounts products,
    Map<String, RunSummary.TransformCounts> transforms,
    RunSummary.DedupStats dedup,
    RunSummary.Performance performance,
    List<RowRejection> rejectedExamples,
    List<RunTimeline.Sample> timeline) {}
