package org.transformpipeline.convert;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@code .smi} file: SMILES, a tab and the id (tabs and line breaks in the id become
 * spaces); just the SMILES when the id is null. A record without SMILES is skipped. Not
 * thread-safe.
 */
final class SmiSink implements MoleculeSink {

  private final TextOutput out;
  private final MoleculeColumns columns;
  private final StringBuilder line = new StringBuilder();
  private long written;

  SmiSink(Path target, boolean overwrite, MoleculeColumns columns) {
    this.out = TextOutput.create(target, overwrite);
    this.columns = columns;
  }

  @Override
  public SkippedRecord write(MoleculeRecord record) {
    String smiles = record.cell(columns.smiles());
    if (smiles == null || smiles.isBlank()) {
      return new SkippedRecord(record.position(), "no SMILES", null);
    }
    String id = record.cell(columns.id());
    line.setLength(0);
    line.append(smiles.strip());
    if (id != null) {
      line.append('\t').append(id.replaceAll("[\\t\\r\\n]", " "));
    }
    out.write(line.append('\n'));
    written++;
    return null;
  }

  @Override
  public long written() {
    return written;
  }

  @Override
  public List<String> notes() {
    return List.of();
  }

  @Override
  public void commit() {
    out.commit();
  }

  @Override
  public void close() {
    out.close();
  }
}
