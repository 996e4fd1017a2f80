package org.transformpipeline.convert;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IChemObjectBuilder;
import org.openscience.cdk.io.ISimpleChemObjectReader;
import org.openscience.cdk.io.MDLV2000Reader;
import org.openscience.cdk.io.MDLV3000Reader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;

/**
 * Reads an SD file (optionally gzipped) as a molecule table: column {@code smiles} (each record's
 * structure as isomeric SMILES, CDK {@link SmilesGenerator} with {@link SmiFlavor#Isomeric}),
 * {@code id} (the title line, or the value of a named SD property), then one string column per SD
 * property in order of first appearance (with a named id property, the title becomes column {@code
 * title} if any record has one).
 *
 * <p>The columns must be known before the first row is written, so the file is read twice: once for
 * the property names (no structures parsed), once to convert. Memory holds one record.
 *
 * <p>Records are split here and each molfile block is parsed by CDK's {@link MDLV2000Reader} (or
 * {@link MDLV3000Reader}), the readers CDK's {@code IteratingSDFReader} uses; unlike that iterator,
 * a broken record is reported with its line and the parser's message, not skipped unseen. Not
 * thread-safe.
 */
final class SdfSource extends LineSource {

  /** Most distinct SD property names a file may have (each becomes a column). */
  static final int MAX_PROPERTIES = 10_000;

  private final SdfRecords records;
  private final List<String> properties;
  private final String idProperty;
  private final boolean titleColumn;
  private final IChemObjectBuilder builder = SilentChemObjectBuilder.getInstance();
  private final SmilesGenerator smiles = new SmilesGenerator(SmiFlavor.Isomeric);

  private SdfSource(
      TextLines lines,
      MoleculeColumns columns,
      List<String> properties,
      String idProperty,
      boolean titleColumn,
      List<String> notes) {
    super(lines, columns, notes);
    this.records = new SdfRecords(lines);
    this.properties = List.copyOf(properties);
    this.idProperty = idProperty;
    this.titleColumn = titleColumn;
  }

  /**
   * Scans the file for its SD property names and opens it for reading.
   *
   * @param idProperty the SD property holding the id, or null for the title line
   * @throws ConversionException when the file cannot be read, has too many property names, or lacks
   *     the id property
   */
  static SdfSource open(Path file, String idProperty) {
    Set<String> names = new LinkedHashSet<>();
    boolean titles = false;
    try (TextLines scan = TextLines.open(file)) {
      SdfRecords records = new SdfRecords(scan);
      for (SdfRecords.Entry entry = records.next(); entry != null; entry = records.next()) {
        titles |= entry.title() != null;
        names.addAll(entry.properties().keySet());
        if (names.size() > MAX_PROPERTIES) {
          throw new ConversionException(
              file + ":" + entry.line() + ": more than " + MAX_PROPERTIES + " SD property names");
        }
      }
    }
    if (idProperty != null && !names.remove(idProperty)) {
      throw new ConversionException(
          file
              + ": no SD property '"
              + idProperty
              + "' (properties: "
              + String.join(", ", names)
              + ")");
    }
    boolean titleColumn = idProperty != null && titles;
    List<String> header = new ArrayList<>(List.of("smiles", "id"));
    if (titleColumn) {
      header.add("title");
    }
    header.addAll(names);
    List<String> renamed = new ArrayList<>();
    List<String> unique = ColumnNames.unique(header, List.of(), renamed);
    renamed.replaceAll(r -> "SD property " + r + " (name taken)");
    return new SdfSource(
        TextLines.open(file),
        new MoleculeColumns(unique, 0, 1),
        new ArrayList<>(names),
        idProperty,
        titleColumn,
        renamed);
  }

  @Override
  public ReadResult next() {
    SdfRecords.Entry entry = records.next();
    if (entry == null) {
      return null;
    }
    IAtomContainer molecule;
    try {
      molecule = read(entry.molblock());
    } catch (CDKException | IOException | RuntimeException e) {
      return new SkippedRecord(entry.line(), "unreadable molfile", message(e));
    }
    if (molecule == null || molecule.isEmpty()) {
      return new SkippedRecord(entry.line(), "no atoms", null);
    }
    String smilesText;
    try {
      smilesText = smiles.create(molecule);
    } catch (CDKException | RuntimeException e) {
      return new SkippedRecord(entry.line(), "no SMILES for the structure", message(e));
    }
    String[] cells = new String[columns().size()];
    cells[0] = smilesText;
    String id = idProperty == null ? entry.title() : entry.properties().get(idProperty);
    cells[1] = id == null || id.isBlank() ? null : id.strip();
    int next = 2;
    if (titleColumn) {
      cells[next++] = entry.title();
    }
    for (String name : properties) {
      cells[next++] = entry.properties().get(name);
    }
    return new MoleculeRecord(entry.line(), cells);
  }

  private IAtomContainer read(String molblock) throws CDKException, IOException {
    String[] header = molblock.split("\n", 5);
    boolean v3000 = header.length > 3 && header[3].contains("V3000");
    try (ISimpleChemObjectReader reader =
        v3000
            ? new MDLV3000Reader(new StringReader(molblock))
            : new MDLV2000Reader(new StringReader(molblock))) {
      return reader.read(builder.newAtomContainer());
    }
  }

  private static String message(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : message.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
