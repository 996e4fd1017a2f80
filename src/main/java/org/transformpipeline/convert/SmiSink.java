package org.transformpipeline.convert;

import java.nio.file.Path;

/**
 * Writes a {@code .smi} file: SMILES, a tab and the id (tabs and line breaks in the id become
 * spaces); just the SMILES when the id is null. A record without SMILES is skipped. Not
 * thread-safe.
 */
final class SmiSink extends TextSink {

  private final MoleculeColumns columns;
  private final StringBuilder line = new StringBuilder();

  SmiSink(Path target, boolean overwrite, MoleculeColumns columns) {
    super(target, overwrite);
    this.columns = columns;
  }

  @Override
  public SkippedRecord write(MoleculeRecord record) {
    String smiles = record.cell(columns.smiles());
    if (smiles == null || smiles.isBlank()) {
      return SkippedRecord.noSmiles(record);
    }
    String id = record.cell(columns.id());
    line.setLength(0);
    line.append(smiles.strip());
    if (id != null) {
      line.append('\t').append(id.replaceAll("[\\t\\r\\n]", " "));
    }
    record(line.append('\n'));
    return null;
  }
}
