package org.transformpipeline.pipeline;

import org.transformpipeline.chem.Rejection;

/**
 * An input row that was not used, with enough to find it in the input.
 *
 * @param rowNumber 0-based row number in the input file
 * @param id the row's id
 * @param smiles the SMILES cell as read, possibly null
 * @param rejection stage and reason
 */
public record RowRejection(long rowNumber, String id, String smiles, Rejection rejection) {}
