package org.transformpipeline.convert;

import java.util.List;

/** Reads the records of a molecule table one at a time (bounded memory). Not thread-safe. */
public interface MoleculeSource extends AutoCloseable {

  /** The table's columns; every record has one cell per column. */
  MoleculeColumns columns();

  /**
   * The next record, or null at the end.
   *
   * @throws ConversionException naming the file and position when the input cannot be read on
   */
  ReadResult next();

  /** Things the user should know about the input (e.g. renamed columns); empty by default. */
  default List<String> notes() {
    return List.of();
  }

  /** What {@link ReadResult#position()} counts: {@code line} or {@code row}. */
  String positionName();

  @Override
  void close();
}
