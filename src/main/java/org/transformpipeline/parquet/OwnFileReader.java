package org.transformpipeline.parquet;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.transformpipeline.pipeline.ProductRow;
import org.transformpipeline.pipeline.RejectRow;

/**
 * Reads back, record by record, a file this tool wrote: a products file (or part) as {@link
 * ProductRow}s, its product SMILES alone, or a rejects file as {@link RejectRow}s. Used to join the
 * parts of a run into its final files and to rebuild the dedup state of a resumed run. Not
 * thread-safe.
 *
 * @param <T> the record type
 */
public final class OwnFileReader<T> implements AutoCloseable {

  private final Path file;
  private final ParquetReader<T> reader;
  private long read;

  private OwnFileReader(Path file, ParquetReader<T> reader) {
    this.file = file;
    this.reader = reader;
  }

  /** Every column of a products file, pass-through cells boxed as the input reader boxes them. */
  public static OwnFileReader<ProductRow> products(Path file) {
    return open(file, new ProductRowReadSupport(false));
  }

  /**
   * Only the {@code product_smiles} column of a products file (the other fields of each row are
   * empty): enough to rebuild a dedup state.
   */
  public static OwnFileReader<ProductRow> productSmiles(Path file) {
    return open(file, new ProductRowReadSupport(true));
  }

  /** A rejects file. */
  public static OwnFileReader<RejectRow> rejects(Path file) {
    return open(file, new RejectRowReadSupport());
  }

  private static <T> OwnFileReader<T> open(Path file, ReadSupport<T> readSupport) {
    try {
      return new OwnFileReader<>(
          file, new Builder<>(new LocalInputFile(file), readSupport).build());
    } catch (IOException | RuntimeException e) {
      throw new InputException(file + ": cannot read: " + ParquetFiles.oneLine(e), e);
    }
  }

  /**
   * The next record, or null at the end.
   *
   * @throws InputException naming the file and record when it cannot be decoded
   */
  public T read() {
    try {
      T record = reader.read();
      if (record != null) {
        read++;
      }
      return record;
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          file + ": cannot read record " + read + ": " + ParquetFiles.oneLine(e), e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new InputException(file + ": cannot close: " + ParquetFiles.oneLine(e), e);
    }
  }

  private static final class Builder<T> extends ParquetReader.Builder<T> {
    private final ReadSupport<T> readSupport;

    Builder(InputFile file, ReadSupport<T> readSupport) {
      super(file);
      this.readSupport = readSupport;
    }

    @Override
    protected ReadSupport<T> getReadSupport() {
      return readSupport;
    }
  }
}
