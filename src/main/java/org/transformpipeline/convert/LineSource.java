package org.transformpipeline.convert;

import java.util.List;

/**
 * The base of the sources that read text lines ({@code .smi}, CSV/TSV, SD): the lines, the columns
 * found when the file was opened and the notes about them; positions count lines. Not thread-safe.
 */
abstract class LineSource implements MoleculeSource {

  /** The file's lines, read on from where opening the source left them. */
  final TextLines lines;

  private final MoleculeColumns columns;
  private final List<String> notes;

  LineSource(TextLines lines, MoleculeColumns columns, List<String> notes) {
    this.lines = lines;
    this.columns = columns;
    this.notes = List.copyOf(notes);
  }

  @Override
  public final MoleculeColumns columns() {
    return columns;
  }

  @Override
  public final List<String> notes() {
    return notes;
  }

  @Override
  public final String positionName() {
    return "line";
  }

  @Override
  public final void close() {
    lines.close();
  }
}
