package org.transformpipeline.parquet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes a molecule library: message {@code library} with {@code smiles} (required string), {@code
 * id} (optional string) and any number of other optional string columns (metadata that {@code
 * apply} passes through), the input {@link BatchReader} reads by default. Same commit protocol as
 * {@link ProductWriter}: nothing at the target until {@link #commit()}. Not thread-safe.
 */
public final class LibraryWriter implements AutoCloseable {

  /** The library schema without other columns. */
  public static final MessageType SCHEMA =
      Types.buildMessage()
          .required(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("smiles")
          .optional(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("id")
          .named("library");

  private final int otherColumnCount;
  private final StagedParquetWriter<Molecule> file;

  private LibraryWriter(int otherColumnCount, StagedParquetWriter<Molecule> file) {
    this.otherColumnCount = otherColumnCount;
    this.file = file;
  }

  /** {@link #create(Path, boolean, List, Map)} without other columns: {@link #SCHEMA}. */
  public static LibraryWriter create(
      Path target, boolean overwrite, Map<String, String> extraMetadata) {
    return create(target, overwrite, List.of(), extraMetadata);
  }

  /**
   * Checks the target and starts writing.
   *
   * @param otherColumns names of the optional string columns after {@code smiles} and {@code id};
   *     unique ignoring case, and neither {@code smiles} nor {@code id}
   * @param extraMetadata more footer key/values (e.g. the source file); the version key is added
   * @throws OutputException when the target exists (and not {@code overwrite}) or its directory is
   *     missing or not writable
   * @throws IllegalArgumentException when a column name is blank or taken
   */
  public static LibraryWriter create(
      Path target,
      boolean overwrite,
      List<String> otherColumns,
      Map<String, String> extraMetadata) {
    MessageType schema = schema(otherColumns);
    Map<String, String> metadata = new LinkedHashMap<>(extraMetadata);
    metadata.put(ParquetFiles.VERSION_KEY, ParquetFiles.toolVersion());
    return new LibraryWriter(
        otherColumns.size(),
        StagedParquetWriter.create(
            target,
            overwrite,
            new MoleculeWriteSupport(schema, metadata),
            StagedParquetWriter.DEFAULT_ROW_GROUP_SIZE));
  }

  /** The library schema with these other columns. */
  static MessageType schema(List<String> otherColumns) {
    Set<String> taken = new HashSet<>(Set.of("smiles", "id"));
    List<Type> fields = new ArrayList<>(SCHEMA.getFields());
    for (String name : otherColumns) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("blank column name in " + otherColumns);
      }
      if (!taken.add(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("column name taken (ignoring case): " + name);
      }
      fields.add(
          Types.optional(PrimitiveTypeName.BINARY)
              .as(LogicalTypeAnnotation.stringType())
              .named(name));
    }
    return new MessageType(SCHEMA.getName(), fields);
  }

  /**
   * Writes one molecule without other columns.
   *
   * @param smiles the SMILES, not null
   * @param id the id, or null
   */
  public void write(String smiles, String id) {
    write(smiles, id, new String[0]);
  }

  /**
   * Writes one molecule.
   *
   * @param smiles the SMILES, not null
   * @param id the id, or null
   * @param others the other columns' values in order, null for a null cell
   * @throws IllegalArgumentException when {@code others} does not have one value per column
   */
  public void write(String smiles, String id, String[] others) {
    if (others.length != otherColumnCount) {
      throw new IllegalArgumentException(
          others.length + " values for " + otherColumnCount + " other columns");
    }
    file.write(new Molecule(Objects.requireNonNull(smiles, "smiles"), id, others.clone()));
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

  private record Molecule(String smiles, String id, String[] others) {}

  private static final class MoleculeWriteSupport extends RowWriteSupport<Molecule> {

    MoleculeWriteSupport(MessageType schema, Map<String, String> metadata) {
      super(schema, metadata);
    }

    @Override
    void writeFields(Molecule molecule) {
      string(0, molecule.smiles());
      string(1, molecule.id());
      String[] others = molecule.others();
      for (int i = 0; i < others.length; i++) {
        string(2 + i, others[i]);
      }
    }
  }
}
