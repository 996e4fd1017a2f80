package org.transformpipeline.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.MDLV2000Writer;
import org.openscience.cdk.layout.StructureDiagramGenerator;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/** Builds SD file text in tests: records from SMILES (CDK layout and writer) and broken ones. */
final class SdFixture {

  private final StringBuilder text = new StringBuilder();

  /** Appends a record: the molecule with 2D coordinates, its title, and its data items. */
  SdFixture record(String title, String smiles, Map<String, String> properties) {
    try {
      IAtomContainer molecule =
          new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles);
      new StructureDiagramGenerator().generateCoordinates(molecule);
      molecule.setTitle(title);
      StringWriter molfile = new StringWriter();
      try (MDLV2000Writer writer = new MDLV2000Writer(molfile)) {
        writer.write(molecule);
      }
      text.append(molfile);
    } catch (CDKException e) {
      throw new IllegalArgumentException(smiles, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return items(properties);
  }

  /** Appends a record whose atom block has a line that is no atom line. */
  SdFixture broken(String title, Map<String, String> properties) {
    text.append(title)
        .append("\n  hand-made\n\n")
        .append("  2  1  0  0  0  0  0  0  0  0999 V2000\n")
        .append("    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n")
        .append("  garbage here\n")
        .append("  1  2  1  0\n")
        .append("M  END\n");
    return items(properties);
  }

  private SdFixture items(Map<String, String> properties) {
    properties.forEach(
        (name, value) ->
            text.append("> <").append(name).append(">\n").append(value).append("\n\n"));
    text.append("$$$$\n");
    return this;
  }

  /** The 1-based line the next record would start on. */
  long nextLine() {
    return 1 + text.chars().filter(c -> c == '\n').count();
  }

  String text() {
    return text.toString();
  }
}
