package org.transformpipeline.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

class SmilesSizeTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "CCO 3",
        "ClCBr 3",
        "c1ccccc1O 7",
        "[nH]1cccc1 5",
        "[13C@@H](F)(Cl)Br 4",
        "[H]OC([2H])([H])[H] 2",
        "[Na+].[Cl-] 2",
        "[Hg]C 2",
        "*C* 3",
        "C1CC( 3",
      })
  void countsTheHeavyAtomsWritten(String smiles, int heavy) {
    assertEquals(heavy, SmilesSize.heavyAtoms(smiles));
  }

  @Test
  void agreesWithTheParserOnEveryReferenceMolecule() throws Exception {
    SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
    List<String> wrong = new ArrayList<>();
    for (Path file :
        List.of(
            Path.of("test-data/nci_first_5k.smi"), Path.of("test-data/polyphenols_first_2k.smi"))) {
      for (String line : Files.readAllLines(file)) {
        String smiles = line.split("\\s", 2)[0];
        if (smiles.isBlank()) {
          continue;
        }
        IAtomContainer mol = parser.parseSmiles(smiles);
        int heavy = 0;
        for (IAtom atom : mol.atoms()) {
          if (atom.getAtomicNumber() != 1) {
            heavy++;
          }
        }
        if (heavy != SmilesSize.heavyAtoms(smiles)) {
          wrong.add(smiles + " parsed " + heavy + ", counted " + SmilesSize.heavyAtoms(smiles));
        }
      }
    }
    assertEquals(List.of(), wrong);
  }
}
