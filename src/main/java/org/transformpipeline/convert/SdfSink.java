package org.transformpipeline.convert;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IDoubleBondStereochemistry;
import org.openscience.cdk.interfaces.IStereoElement;
import org.openscience.cdk.io.MDLV2000Writer;
import org.openscience.cdk.layout.StructureDiagramGenerator;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.stereo.StereoElementFactory;
import org.transformpipeline.text.ErrorText;

/**
 * Writes an SD file: per record, the SMILES parsed by CDK and written as a V2000 molfile with 2D
 * coordinates from CDK's {@link StructureDiagramGenerator} (about 1-4 ms per molecule; double bonds
 * the SMILES leaves unspecified are marked "either"), the id as the title line, and every other
 * column with a value as an SD data item ({@code > <name>}). A blank line inside a value would end
 * the item, so it is written as a line holding one space. A record without SMILES, or whose SMILES
 * CDK cannot parse or write, is skipped. When the layout fails the structure is written with zero
 * coordinates and without its stereochemistry (V2000 cannot hold cis/trans without coordinates, and
 * CDK's 0D atom parities did not read back reliably), and counted in the notes. Not thread-safe
 * (one parser and layout generator per sink).
 */
final class SdfSink extends TextSink {

  private final MoleculeColumns columns;
  private final String positionName;
  private final SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
  private final StructureDiagramGenerator generator = new StructureDiagramGenerator();
  private final StringBuilder entry = new StringBuilder();
  private long withoutLayout;
  private long firstWithoutLayout = -1;

  /**
   * @param positionName what the records' positions count ({@code line} or {@code row})
   */
  SdfSink(Path target, boolean overwrite, MoleculeColumns columns, String positionName) {
    super(target, overwrite);
    this.columns = columns;
    this.positionName = positionName;
  }

  @Override
  public SkippedRecord write(MoleculeRecord source) {
    String smiles = source.cell(columns.smiles());
    if (smiles == null || smiles.isBlank()) {
      return SkippedRecord.noSmiles(source);
    }
    IAtomContainer molecule;
    try {
      molecule = parser.parseSmiles(smiles.strip());
    } catch (CDKException | RuntimeException e) {
      return new SkippedRecord(source.position(), "unparsable SMILES", ErrorText.oneLine(e));
    }
    try {
      generator.generateCoordinates(molecule);
      crossUnspecifiedDoubleBonds(molecule);
    } catch (CDKException | RuntimeException e) {
      molecule.atoms().forEach(atom -> atom.setPoint2d(null));
      molecule.bonds().forEach(bond -> bond.setDisplay(IBond.Display.Solid));
      molecule.setStereoElements(new ArrayList<>());
      if (withoutLayout++ == 0) {
        firstWithoutLayout = source.position();
      }
    }
    String id = source.cell(columns.id());
    molecule.setTitle(id == null ? "" : id.replaceAll("[\\r\\n]+", " "));
    StringWriter molfile = new StringWriter();
    try (MDLV2000Writer writer = new MDLV2000Writer(molfile)) {
      writer.write(molecule);
    } catch (CDKException | IOException | RuntimeException e) {
      return new SkippedRecord(source.position(), "cannot write molfile", ErrorText.oneLine(e));
    }
    entry.setLength(0);
    entry.append(molfile);
    for (int i = 0; i < columns.size(); i++) {
      String value = source.cell(i);
      if (columns.isOther(i) && value != null) {
        entry.append("> <").append(columns.names().get(i)).append(">\n");
        for (String line : value.split("\\R", -1)) {
          entry.append(line.isEmpty() && !value.isEmpty() ? " " : line).append('\n');
        }
        entry.append('\n');
      }
    }
    record(entry.append("$$$$\n"));
    return null;
  }

  @Override
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    if (withoutLayout > 0) {
      notes.add(
          withoutLayout
              + " structures written without coordinates or stereochemistry (2D layout failed;"
              + " first at "
              + positionName
              + " "
              + firstWithoutLayout
              + ")");
    }
    return notes;
  }

  /**
   * Marks as crossed ("either", bond stereo 3) each double bond whose 2D layout would read back as
   * E or Z although the SMILES left it unspecified, so that reading the file does not invent
   * stereochemistry.
   */
  private static void crossUnspecifiedDoubleBonds(IAtomContainer molecule) {
    Set<IBond> specified = new HashSet<>();
    for (IStereoElement<?, ?> element : molecule.stereoElements()) {
      if (element instanceof IDoubleBondStereochemistry bond) {
        specified.add(bond.getStereoBond());
      }
    }
    for (IStereoElement<?, ?> element :
        StereoElementFactory.using2DCoordinates(molecule).createAll()) {
      if (element instanceof IDoubleBondStereochemistry bond
          && !specified.contains(bond.getStereoBond())) {
        bond.getStereoBond().setDisplay(IBond.Display.Crossed);
      }
    }
  }
}
