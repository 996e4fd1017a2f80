package org.transformpipeline.convert;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.transformpipeline.parquet.LibraryWriter;
import org.transformpipeline.parquet.StagedParquetWriter;

/**
 * Writes a Parquet library for {@code apply}: the SMILES column as {@code smiles}, the id column as
 * {@code id}, and every other column as an optional string column under its own name (renamed with
 * a suffix when it would clash, ignoring case, with another). A record without SMILES is skipped.
 * Not thread-safe.
 */
final class LibrarySink implements MoleculeSink {

  private final StagedParquetWriter<LibraryWriter.Molecule> writer;
  private final MoleculeColumns columns;
  private final int[] others;
  private final List<String> notes;

  private LibrarySink(
      StagedParquetWriter<LibraryWriter.Molecule> writer,
      MoleculeColumns columns,
      int[] others,
      List<String> notes) {
    this.writer = writer;
    this.columns = columns;
    this.others = others;
    this.notes = List.copyOf(notes);
  }

  /**
   * Checks the target and starts writing.
   *
   * @param metadata footer key/values to add (e.g. the source file)
   * @throws org.transformpipeline.parquet.OutputException when the target cannot be written
   */
  static LibrarySink create(
      Path target, boolean overwrite, MoleculeColumns columns, Map<String, String> metadata) {
    List<String> names = new ArrayList<>();
    int[] others = new int[columns.size() - (columns.id() < 0 ? 1 : 2)];
    int n = 0;
    for (int i = 0; i < columns.size(); i++) {
      if (columns.isOther(i)) {
        others[n++] = i;
        names.add(columns.names().get(i));
      }
    }
    List<String> notes = new ArrayList<>();
    List<String> unique = ColumnNames.unique(names, List.of("smiles", "id"), notes);
    notes.replaceAll(renamed -> "column " + renamed + " (name taken)");
    return new LibrarySink(
        LibraryWriter.create(target, overwrite, unique, metadata), columns, others, notes);
  }

  @Override
  public SkippedRecord write(MoleculeRecord record) {
    String smiles = record.cell(columns.smiles());
    if (smiles == null || smiles.isBlank()) {
      return SkippedRecord.noSmiles(record);
    }
    String[] values = new String[others.length];
    for (int i = 0; i < others.length; i++) {
      values[i] = record.cell(others[i]);
    }
    writer.write(new LibraryWriter.Molecule(smiles, record.cell(columns.id()), values));
    return null;
  }

  @Override
  public long written() {
    return writer.rowsWritten();
  }

  @Override
  public List<String> notes() {
    return notes;
  }

  @Override
  public void commit() {
    writer.commit();
  }

  @Override
  public void close() {
    writer.close();
  }
}
