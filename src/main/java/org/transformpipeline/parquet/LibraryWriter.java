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
 * Makes the writer of a molecule library (a {@link StagedParquetWriter} of {@link Molecule}s):
 * message {@code library} with {@code smiles} (required string), {@code id} (optional string) and
 * any number of other optional string columns (metadata that {@code apply} passes through), the
 * input {@link BatchReader} reads by default. Nothing is at the target until the writer commits.
 * Stateless.
 */
public final class LibraryWriter {

  /**
   * One row of a library.
   *
   * @param smiles the SMILES, not null
   * @param id the id, or null
   * @param others the other columns' values in order, null for a null cell
   */
  public record Molecule(String smiles, String id, String... others) {}

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

  private LibraryWriter() {}

  /** {@link #create(Path, boolean, List, Map)} without other columns: {@link #SCHEMA}. */
  public static StagedParquetWriter<Molecule> create(
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
  public static StagedParquetWriter<Molecule> create(
      Path target,
      boolean overwrite,
      List<String> otherColumns,
      Map<String, String> extraMetadata) {
    MessageType schema = schema(otherColumns);
    Map<String, String> metadata = new LinkedHashMap<>(extraMetadata);
    metadata.put(ParquetFiles.VERSION_KEY, ParquetFiles.toolVersion());
    return StagedParquetWriter.create(
        target,
        overwrite,
        new MoleculeWriteSupport(schema, metadata),
        StagedParquetWriter.DEFAULT_ROW_GROUP_SIZE);
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

  private static final class MoleculeWriteSupport extends RowWriteSupport<Molecule> {

    private final int otherColumnCount;

    MoleculeWriteSupport(MessageType schema, Map<String, String> metadata) {
      super(schema, metadata);
      this.otherColumnCount = schema.getFieldCount() - SCHEMA.getFieldCount();
    }

    /**
     * @throws IllegalArgumentException when the SMILES is null or the other values are not one per
     *     column
     */
    @Override
    void check(Molecule molecule) {
      Objects.requireNonNull(molecule.smiles(), "smiles");
      if (molecule.others().length != otherColumnCount) {
        throw new IllegalArgumentException(
            molecule.others().length + " values for " + otherColumnCount + " other columns");
      }
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
