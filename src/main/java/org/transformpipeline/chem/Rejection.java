package org.transformpipeline.chem;

/**
 * Why a parent row, or one product of it, was not used.
 *
 * @param stage where it was stopped
 * @param reason one human-readable line; the summary groups rejects by {@code stage + reason
 *     category}, so keep the variable part (atom index, value) after a colon
 */
public record Rejection(Stage stage, String reason) {

  /** Where in the pipeline a row or product was rejected. */
  public enum Stage {
    /** Null or empty SMILES, unreadable row. */
    INPUT,
    /** The SMILES could not be parsed. */
    PARSE,
    /** The parent parsed but is not a valid molecule or is beyond a size guard. */
    PARENT,
    /** A product was made but failed validation. */
    PRODUCT,
    /** The parent took longer than the time guard. */
    TIMEOUT,
    /** An unexpected exception while processing this row; the run went on. */
    INTERNAL
  }

  /** The reason up to its first colon: the category counted in the summary. */
  public String category() {
    int colon = reason.indexOf(':');
    return stage.name().toLowerCase(java.util.Locale.ROOT)
        + ": "
        + (colon < 0 ? reason : reason.substring(0, colon));
  }
}
