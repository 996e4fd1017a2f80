package org.transformpipeline.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.smiles.SmilesParser;

class CanonicalSmilesTest {

  private final CanonicalSmiles canonical = new CanonicalSmiles();

  /** Rewrites a SMILES with its atoms in a random order: a different string, the same molecule. */
  static String shuffled(String smiles, Random random) throws CDKException {
    SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
    IAtomContainer mol = parser.parseSmiles(smiles);
    List<IAtom> atoms = new ArrayList<>();
    mol.atoms().forEach(atoms::add);
    Collections.shuffle(atoms, random);
    mol.setAtoms(atoms.toArray(new IAtom[0]));
    return new SmilesGenerator(SmiFlavor.Stereo | SmiFlavor.AtomicMass).create(mol);
  }

  @ParameterizedTest(name = "{0} and {1} are the same molecule")
  @CsvSource(
      delimiter = ' ',
      value = {
        "C[C@@H](O)CC CC[C@@H](C)O",
        "C[C@H](N)C(=O)O OC(=O)[C@H](C)N",
        "C/C=C/C C\\C=C\\C",
        "Oc1ccccc1 OC1=CC=CC=C1",
        "C[C@H]1CC[C@@H](C)CC1 C[C@@H]1CC[C@H](C)CC1",
        "[H][C@@](C)(N)C(=O)O C[C@H](N)C(=O)O",
        "[Na+].[O-]C(=O)c1ccccc1 O=C([O-])c1ccccc1.[Na+]",
      })
  void sameMoleculeGivesSameKey(String a, String b) {
    assertEquals(canonical.of(a), canonical.of(b));
  }

  @ParameterizedTest(name = "{0} and {1} are different stereoisomers")
  @CsvSource(
      delimiter = ' ',
      value = {
        // R/S
        "C[C@@H](N)C(=O)O C[C@H](N)C(=O)O",
        // E/Z
        "C/C=C/C C/C=C\\C",
        // cis/trans-1,4-dimethylcyclohexane (para-stereocentres)
        "C[C@H]1CC[C@@H](C)CC1 C[C@H]1CC[C@H](C)CC1",
        // meso vs chiral tartaric acid
        "O[C@H](C(=O)O)[C@@H](O)C(=O)O O[C@H](C(=O)O)[C@H](O)C(=O)O",
        // catechin vs epicatechin
        "O[C@@H]1Cc2c(O)cc(O)cc2O[C@H]1c1ccc(O)c(O)c1 O[C@@H]1Cc2c(O)cc(O)cc2O[C@@H]1c1ccc(O)c(O)c1",
        // beta vs alpha phenyl glucuronide
        "O[C@@H]1[C@@H](O)[C@@H](Oc2ccccc2)O[C@H](C(=O)O)[C@H]1O O[C@@H]1[C@@H](O)[C@H](Oc2ccccc2)O[C@H](C(=O)O)[C@H]1O",
      })
  void stereoisomersGetDifferentKeys(String a, String b) {
    assertNotEquals(canonical.of(a), canonical.of(b));
  }

  @Test
  void staleStereoMarksAreDropped() {
    assertEquals(canonical.of("CC(C)O"), canonical.of("C[C@H](C)O"));
    assertEquals(canonical.of("CC=C(C)C"), canonical.of("C/C=C(/C)C"));
    assertFalse(canonical.of("C[C@H](C)O").contains("@"));
  }

  @Test
  void keysKeepTheirStereo() {
    assertTrue(canonical.of("C[C@@H](N)C(=O)O").contains("@"));
    assertTrue(canonical.of("C/C=C/C").contains("/"));
    String glucuronide = canonical.of("O[C@@H]1[C@@H](O)[C@@H](Oc2ccccc2)O[C@H](C(=O)O)[C@H]1O");
    assertEquals(5, glucuronide.chars().filter(c -> c == '@').count() - countDoubleAt(glucuronide));
  }

  private static long countDoubleAt(String s) {
    return s.split("@@", -1).length - 1;
  }

  @Test
  void nciKeysDoNotDependOnAtomOrder() throws Exception {
    Random random = new Random(42);
    int checked = 0;
    for (String line : Files.readAllLines(Path.of("test-data/nci_first_5k.smi"))) {
      String smiles = line.split("\\s+")[0];
      String key;
      try {
        key = canonical.of(smiles);
      } catch (IllegalArgumentException unparsable) {
        continue;
      }
      for (int k = 0; k < 3; k++) {
        String other = shuffled(smiles, random);
        assertEquals(key, canonical.of(other), () -> smiles + " rewritten as " + other);
      }
      checked++;
    }
    assertTrue(checked > 4900, "checked " + checked);
  }

  /**
   * A key written through CDK's converter ({@code CDKToBeam}, reached by reflection) is the key
   * written through CDK's public API (the molecule written in input order and read back), on NCI
   * 5K, 2,000 polyphenols and the polyphenols' products under the five reference transforms.
   */
  @Test
  void cdkConverterWritesTheKeysOfThePublicRoute() throws Exception {
    List<String> molecules = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("test-data/nci_first_5k.smi"))) {
      molecules.add(line.split("\\s+")[0]);
    }
    ProductEnumerator enumerator =
        new ProductEnumerator(ReferenceTransforms.ALL, EnumerationLimits.defaults());
    for (String line : Files.readAllLines(Path.of("test-data/polyphenols_first_2k.smi"))) {
      String parent = line.split("\\s+")[0];
      molecules.add(parent);
      if (enumerator.enumerate(parent) instanceof ParentOutcome.Derivatized d) {
        d.products().forEach(p -> molecules.add(p.smiles()));
      }
    }
    CanonicalSmiles direct = new CanonicalSmiles(true);
    CanonicalSmiles publicRoute = new CanonicalSmiles(false);
    int compared = 0;
    int tetrahedral = 0;
    int cisTrans = 0;
    for (String smiles : molecules) {
      String expected;
      try {
        expected = publicRoute.of(smiles);
      } catch (IllegalArgumentException unwritable) {
        assertThrows(IllegalArgumentException.class, () -> direct.of(smiles), smiles);
        continue;
      }
      assertEquals(expected, direct.of(smiles), smiles);
      compared++;
      tetrahedral += expected.contains("@") ? 1 : 0;
      cisTrans += expected.contains("/") || expected.contains("\\") ? 1 : 0;
    }
    assertTrue(compared > 25_000, "compared " + compared);
    assertTrue(tetrahedral > 10_000, "with tetrahedral stereo " + tetrahedral);
    assertTrue(cisTrans > 100, "with cis/trans stereo " + cisTrans);
  }

  @Test
  void manyThreadsGiveTheSameKeysAsOne() throws Exception {
    List<String> smiles = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("test-data/nci_first_5k.smi"))) {
      smiles.add(line.split("\\s+")[0]);
    }
    List<String> single = keys(smiles);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> keys(smiles)));
      }
      for (Future<List<String>> f : futures) {
        assertEquals(single, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> keys(List<String> smiles) {
    CanonicalSmiles perThread = new CanonicalSmiles();
    List<String> keys = new ArrayList<>();
    for (String s : smiles) {
      try {
        keys.add(perThread.of(s));
      } catch (IllegalArgumentException e) {
        keys.add("ERROR");
      }
    }
    return keys;
  }
}
