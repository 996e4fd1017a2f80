package org.transformpipeline.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IStereoElement;
import org.openscience.cdk.interfaces.ITetrahedralChirality;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * The canonical key on stereo-rich polyphenol products: for every product, a shuffled rewrite gives
 * the same key, and inverting one stereocentre gives a different key.
 *
 * <p>The default run uses the 2,000 molecules in test-data/; the slow variant (scripts/
 * test-slow.sh) takes the first 20,000 of shared/data/polyphenols_1m.smi.gz.
 */
class PolyphenolKeyTest {

  private static final Path SHARED_LIBRARY = Path.of("../shared/data/polyphenols_1m.smi.gz");

  @Test
  void keysOfPolyphenolProductsAreOrderInvariantAndStereoExact() throws Exception {
    check(readSmiles(Files.newInputStream(Path.of("test-data/polyphenols_first_2k.smi")), 2000));
  }

  @Test
  @Tag("slow")
  void keysOfTwentyThousandPolyphenolsAreOrderInvariantAndStereoExact() throws Exception {
    assertTrue(Files.exists(SHARED_LIBRARY), "needs " + SHARED_LIBRARY.toAbsolutePath());
    check(readSmiles(new GZIPInputStream(Files.newInputStream(SHARED_LIBRARY)), 20_000));
  }

  private static void check(List<String> parents) throws CDKException {
    ProductEnumerator enumerator =
        new ProductEnumerator(ReferenceTransforms.ALL, EnumerationLimits.defaults());
    CanonicalSmiles canonical = new CanonicalSmiles();
    SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
    Random random = new Random(7);
    Map<String, Set<String>> unique = new TreeMap<>();
    long products = 0;
    long inverted = 0;
    for (String smiles : parents) {
      if (!(enumerator.enumerate(smiles) instanceof ParentOutcome.Derivatized d)) {
        continue;
      }
      for (Product p : d.products()) {
        products++;
        unique.computeIfAbsent(p.transform(), k -> new HashSet<>()).add(p.smiles());
        String rewritten = CanonicalSmilesTest.shuffled(p.smiles(), random);
        assertEquals(p.smiles(), canonical.of(rewritten), () -> smiles + " -> " + rewritten);
        IAtomContainer epimer = parser.parseSmiles(p.smiles());
        if (invertFirstCentre(epimer)) {
          inverted++;
          assertNotEquals(p.smiles(), canonical.of(epimer), () -> "epimer of " + p.smiles());
        }
      }
    }
    StringBuilder report = new StringBuilder();
    unique.forEach((t, keys) -> report.append(t).append('=').append(keys.size()).append(' '));
    System.out.printf(
        "%d parents: %d products, %d epimers checked; unique per transform: %s%n",
        parents.size(), products, inverted, report);
    assertTrue(inverted > products / 4, "too few stereocentres checked: " + inverted);
  }

  private static boolean invertFirstCentre(IAtomContainer mol) {
    for (IStereoElement<?, ?> se : mol.stereoElements()) {
      if (se instanceof ITetrahedralChirality tc) {
        tc.setStereo(tc.getStereo().invert());
        return true;
      }
    }
    return false;
  }

  private static List<String> readSmiles(InputStream in, int limit) throws IOException {
    List<String> smiles = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while (smiles.size() < limit && (line = reader.readLine()) != null) {
        smiles.add(line.split("\\s+")[0]);
      }
    }
    return smiles;
  }
}
