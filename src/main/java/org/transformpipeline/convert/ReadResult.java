package org.transformpipeline.convert;

/** What reading (or writing) one record gave: a molecule, or a record skipped with a reason. */
public sealed interface ReadResult permits MoleculeRecord, SkippedRecord {

  /** Where the record is: the 1-based line it starts on, or its 0-based row number. */
  long position();
}
