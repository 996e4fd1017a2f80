package org.transformpipeline.convert;

import java.util.List;

/**
 * Writes molecule records to an output file that appears at its target only on {@link #commit()}.
 * Not thread-safe.
 */
public interface MoleculeSink extends AutoCloseable {

  /**
   * Writes one record, or skips it when this format cannot hold it (e.g. no SMILES).
   *
   * @return null when written, else why not
   * @throws ConversionException when the output cannot be written (then nothing is published)
   */
  SkippedRecord write(MoleculeRecord record);

  /** Records written so far. */
  long written();

  /** Things the user should know about the output (renamed columns, missing layouts). */
  List<String> notes();

  /** Finishes the output and publishes it at the target. */
  void commit();

  /** Discards the output unless committed. */
  @Override
  void close();
}
