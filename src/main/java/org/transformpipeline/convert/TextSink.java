package org.transformpipeline.convert;

import java.nio.file.Path;
import java.util.List;

/**
 * The base of the sinks that write text ({@code .smi}, CSV/TSV, SD): what varies is how a record
 * becomes text; the output file that appears only on {@link #commit()} ({@link TextOutput}), the
 * count of records written and the end are written once here. Not thread-safe.
 */
abstract class TextSink implements MoleculeSink {

  private final TextOutput out;
  private long written;

  /**
   * @throws org.transformpipeline.parquet.OutputException when the target cannot be written
   */
  TextSink(Path target, boolean overwrite) {
    this.out = TextOutput.create(target, overwrite);
  }

  /** Writes the text before the first record (a header); the output is discarded if it fails. */
  final void header(CharSequence text) {
    try {
      out.write(text);
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** Writes one record's text and counts it. */
  final void record(CharSequence text) {
    out.write(text);
    written++;
  }

  @Override
  public final long written() {
    return written;
  }

  @Override
  public List<String> notes() {
    return List.of();
  }

  @Override
  public final void commit() {
    out.commit();
  }

  @Override
  public final void close() {
    out.close();
  }
}
