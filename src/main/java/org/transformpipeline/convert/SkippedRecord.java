package org.transformpipeline.convert;

import java.util.Objects;

/**
 * A record that was not converted, and why.
 *
 * @param position the 1-based line the record starts on (text) or its 0-based row (Parquet)
 * @param reason a short category, e.g. {@code no SMILES} (counted per category)
 * @param detail more about this record (e.g. the parser's message), or null
 */
public record SkippedRecord(long position, String reason, String detail) implements ReadResult {

  public SkippedRecord {
    Objects.requireNonNull(reason, "reason");
  }

  /** A record skipped because its SMILES column is empty. */
  static SkippedRecord noSmiles(MoleculeRecord record) {
    return new SkippedRecord(record.position(), "no SMILES", null);
  }
}
