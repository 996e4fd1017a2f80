package org.transformpipeline.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.transformpipeline.chem.Rejection;

/**
 * An input row that was not used, with enough to find it in the input.
 *
 * <p>In JSON (the summary's {@code rejectedExamples}, the parts manifest) it is one flat object,
 * {@code rowNumber, id, smiles, stage, reason}, as the usage guide documents; the nested {@code
 * rejection} object of earlier versions is still read.
 *
 * @param rowNumber 0-based row number in the input file
 * @param id the row's id
 * @param smiles the SMILES cell as read, possibly null
 * @param rejection stage and reason
 */
@JsonPropertyOrder({"rowNumber", "id", "smiles", "stage", "reason"})
public record RowRejection(
    long rowNumber,
    String id,
    String smiles,
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) Rejection rejection) {

  /** Reads the flat form, or the nested {@code rejection} of summaries written before it. */
  @JsonCreator
  static RowRejection fromJson(
      @JsonProperty("rowNumber") long rowNumber,
      @JsonProperty("id") String id,
      @JsonProperty("smiles") String smiles,
      @JsonProperty("stage") Rejection.Stage stage,
      @JsonProperty("reason") String reason,
      @JsonProperty("rejection") Rejection nested) {
    return new RowRejection(
        rowNumber, id, smiles, nested != null ? nested : new Rejection(stage, reason));
  }

  /** Where the row was stopped. */
  @JsonProperty("stage")
  public Rejection.Stage stage() {
    return rejection.stage();
  }

  /** Why, one line. */
  @JsonProperty("reason")
  public String reason() {
    return rejection.reason();
  }
}
