package org.transformpipeline.parquet;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes a molecule library: message {@code library} with {@code smiles} (required string) and
 * {@code id} (optional string), the input {@link BatchReader} reads by default. Same commit
 * protocol as {@link ProductWriter}: nothing at the target until {@link #commit()}. Not
 * thread-safe.
 */
public final class LibraryWriter implements AutoCloseable {

  /** The library schema. */
  public static final MessageType SCHEMA =
      Types.buildMessage()
          .required(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("smiles")
          .optional(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("id")
          .named("library");

  private final StagedParquetWriter<Molecule> file;

  private LibraryWriter(StagedParquetWriter<Molecule> file) {
    this.file = file;
  }

  /**
   * Checks the target and starts writing.
   *
   * @param extraMetadata more footer key/values (e.g. the source file); the version key is added
   * @throws OutputException when the target exists (and not {@code overwrite}) or its directory is
   *     missing or not writable
   */
  public static LibraryWriter create(
      Path target, boolean overwrite, Map<String, String> extraMetadata) {
    Map<String, String> metadata = new LinkedHashMap<>(extraMetadata);
    metadata.put(ParquetFiles.VERSION_KEY, ParquetFiles.toolVersion());
    return new LibraryWriter(
        StagedParquetWriter.create(
            target,
            overwrite,
            new MoleculeWriteSupport(metadata),
            StagedParquetWriter.DEFAULT_ROW_GROUP_SIZE));
  }

  /**
   * Writes one molecule.
   *
   * @param smiles the SMILES, not null
   * @param id the id, or null
   */
  public void write(String smiles, String id) {
    file.write(new Molecule(Objects.requireNonNull(smiles, "smiles"), id));
  }

  /** Rows written so far. */
  public long rowsWritten() {
    return file.rowsWritten();
  }

  /** Finishes the file and moves it atomically to the target. */
  public void commit() {
    file.commit();
  }

  /** Discards the output. No-op after commit. */
  public void abort() {
    file.abort();
  }

  /** Aborts unless committed. */
  @Override
  public void close() {
    file.close();
  }

  private record Molecule(String smiles, String id) {}

  private static final class MoleculeWriteSupport extends WriteSupport<Molecule> {
    private final Map<String, String> metadata;
    private RecordConsumer consumer;

    MoleculeWriteSupport(Map<String, String> metadata) {
      this.metadata = Map.copyOf(metadata);
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(SCHEMA, metadata);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(SCHEMA, metadata);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      consumer = recordConsumer;
    }

    @Override
    public void write(Molecule molecule) {
      consumer.startMessage();
      consumer.startField("smiles", 0);
      consumer.addBinary(Binary.fromString(molecule.smiles()));
      consumer.endField("smiles", 0);
      if (molecule.id() != null) {
        consumer.startField("id", 1);
        consumer.addBinary(Binary.fromString(molecule.id()));
        consumer.endField("id", 1);
      }
      consumer.endMessage();
    }
  }
}
