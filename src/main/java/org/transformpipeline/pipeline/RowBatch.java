package org.transformpipeline.pipeline;

import java.util.List;

/**
 * A run of consecutive input rows, the unit of work handed to a worker.
 *
 * @param index 0-based batch number; results are written in this order
 * @param rows the rows, in input order
 */
public record RowBatch(long index, List<InputRow> rows) {}
