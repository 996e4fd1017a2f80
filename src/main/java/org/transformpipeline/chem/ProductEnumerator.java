package org.transformpipeline.chem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.isomorphism.Transform;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.smirks.Smirks;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;
import uk.ac.ebi.beam.Graph;

/**
 * Turns one parent SMILES into its products: parse, apply every transform once per site, validate
 * each product, and key it with its canonical SMILES.
 *
 * <p>Per transform, every mapping of the reactant pattern is applied ({@code Transform.Mode.All},
 * as RDKit's RunReactants does: two mappings of one atom set, such as the two ways round a ring,
 * can give different products), and products of one parent that are the same molecule (sites
 * equivalent by symmetry) are collapsed to the first. Each product is checked: template stereo
 * completed ({@link TemplateStereo}), aromatic systems the transform touched kekulised again,
 * valence and radicals ({@link SiteEdit}), and a key that re-parses to itself. A product keeps the
 * whole parent, counter-ions included, unless {@link FragmentMode#SPLIT}. The site is the lowest
 * parent atom index the transform changed or deleted (for O-methylation, the phenolic O).
 *
 * <p>Not thread-safe: it holds a SMILES parser, compiled transforms and a canonicaliser. Make one
 * per worker thread.
 */
public final class ProductEnumerator {

  private final SmilesParser parser = new SmilesParser(CopyableMolecule.BUILDER);
  private final CanonicalSmiles canonical = new CanonicalSmiles();
  private final List<Compiled> transforms;
  private final EnumerationLimits limits;
  private final FragmentMode fragments;
  private final ProductScreen screen;
  private long parseNanos;
  private long applyNanos;
  private long keyNanos;

  /** A transform ready to apply. */
  private record Compiled(TransformDefinition definition, Transform smirks) {}

  /** Products kept whole ({@link FragmentMode#KEEP}). */
  public ProductEnumerator(List<TransformDefinition> transforms, EnumerationLimits limits) {
    this(transforms, limits, FragmentMode.KEEP);
  }

  /**
   * @param transforms the transforms to apply, in output order (already validated by the library),
   *     each compiled in its own dialect
   * @param limits the per-parent guards
   * @param fragments what a product with several components becomes
   */
  public ProductEnumerator(
      List<TransformDefinition> transforms, EnumerationLimits limits, FragmentMode fragments) {
    this(transforms, limits, fragments, ProductFilter.NONE);
  }

  /**
   * @param transforms the transforms to apply, in output order (already validated by the library),
   *     each compiled in its own dialect
   * @param limits the per-parent guards
   * @param fragments what a product with several components becomes
   * @param filter what a product must be to be kept; the others are counted by reason
   */
  public ProductEnumerator(
      List<TransformDefinition> transforms,
      EnumerationLimits limits,
      FragmentMode fragments,
      ProductFilter filter) {
    this.limits = limits;
    this.fragments = fragments;
    this.screen = new ProductScreen(filter);
    List<Compiled> compiled = new ArrayList<>();
    for (TransformDefinition t : transforms) {
      // a plain Transform does not perceive aromaticity: done once per parent, not per transform
      Transform smirks = new Transform();
      if (!Smirks.parse(smirks, t.smirks(), t.dialect().options())) {
        throw new IllegalArgumentException(
            "transform '" + t.name() + "' does not compile: " + smirks.message());
      }
      compiled.add(new Compiled(t, smirks));
    }
    this.transforms = List.copyOf(compiled);
  }

  /** Parses the SMILES and enumerates its products; never throws for a bad molecule. */
  public ParentOutcome enumerate(String smiles) {
    int written = SmilesSize.heavyAtoms(smiles);
    if (written > limits.maxHeavyAtoms()) {
      // before parsing: the parser recurses over the graph and overflows on huge molecules
      return tooLarge(written);
    }
    long start = System.nanoTime();
    IAtomContainer parsed;
    try {
      parsed = parser.parseSmiles(smiles);
    } catch (InvalidSmilesException e) {
      return rejected(Rejection.Stage.PARSE, "invalid SMILES: " + firstLine(e.getMessage()));
    } finally {
      parseNanos += System.nanoTime() - start;
    }
    start = System.nanoTime();
    long keyBefore = keyNanos;
    try {
      return products(parentAtoms(parsed), start + limits.timePerParent().toNanos());
    } finally {
      applyNanos += System.nanoTime() - start - (keyNanos - keyBefore);
    }
  }

  /**
   * Time spent so far by this enumerator in each phase: parsing, matching and applying the
   * transforms (with validation), and making canonical keys.
   */
  public ChemistryTimes times() {
    return new ChemistryTimes(parseNanos, applyNanos, keyNanos);
  }

  private ParentOutcome products(IAtomContainer parent, long deadline) {
    int heavy = parent.getAtomCount();
    if (heavy == 0) {
      return rejected(Rejection.Stage.PARENT, "no atoms");
    }
    if (heavy > limits.maxHeavyAtoms()) {
      return tooLarge(heavy);
    }
    int radicals = 0;
    for (IAtom atom : parent.atoms()) {
      if (atom.getImplicitHydrogenCount() == null) {
        return rejected(Rejection.Stage.PARENT, "unknown hydrogen count: atom " + atom.getIndex());
      }
      String problem = ValenceCheck.problem(atom);
      if (problem != null && !ValenceCheck.isRadical(atom)) {
        // a product of it would be as broken: RDKit does not read such a parent either
        return rejected(Rejection.Stage.PARENT, problem + " at " + atom.getIndex());
      }
      radicals += problem != null ? 1 : 0;
    }
    SmartsPattern.prepare(parent);
    SiteEdit.label(parent);

    List<Product> products = new ArrayList<>();
    List<ProductRejection> productRejections = new ArrayList<>();
    Map<String, Integer> filtered = new TreeMap<>();
    int capped = 0;
    boolean matched = false;
    for (Compiled t : transforms) {
      int budget = limits.maxProductsPerParent() - products.size() - productRejections.size();
      Integer maxSites = t.definition().maxSites();
      int limit = maxSites == null ? budget : Math.min(budget, maxSites);
      if (limit <= 0) {
        int sites = countSites(t, parent);
        capped += sites;
        matched |= sites > 0;
        continue;
      }
      // ask for one more than the limit, to know whether the cap cut anything
      Map<String, Product> unique = new LinkedHashMap<>();
      Set<String> screenedOut = new HashSet<>();
      int made = 0;
      for (IAtomContainer product : t.smirks().apply(parent, Transform.Mode.All, limit + 1)) {
        matched = true;
        if (made == limit) {
          capped += countSites(t, parent) - limit;
          break;
        }
        made++;
        if (System.nanoTime() > deadline) {
          return rejected(
              Rejection.Stage.TIMEOUT,
              "enumeration took longer than " + limits.timePerParent().toMillis() + " ms");
        }
        TemplateStereo.repair(product);
        boolean rdkit = t.definition().dialect() == Dialect.RDKIT;
        if (rdkit) {
          SiteEdit.recomputeHydrogens(parent, product);
        }
        TemplateStereo.restoreParent(parent, product);
        TemplateStereo.dropMeaningless(product);
        SiteEdit edit = SiteEdit.of(parent, parentAtoms(product));
        String unkekulised = edit.kekulise(parent);
        if (unkekulised != null) {
          productRejections.add(productRejection(t, unkekulised));
          continue;
        }
        SiteEdit.Parts parts = edit.parts(fragments, rdkit, radicals);
        if (parts.problem() != null) {
          productRejections.add(productRejection(t, parts.problem()));
          continue;
        }
        int fragment = fragments == FragmentMode.KEEP ? 0 : 1;
        for (IAtomContainer molecule : parts.molecules()) {
          Key key = key(molecule, edit.rekekulised());
          if (key.problem() != null) {
            productRejections.add(productRejection(t, key.problem()));
          } else if (!unique.containsKey(key.smiles()) && !screenedOut.contains(key.smiles())) {
            String reason = screen.keepsAll() ? null : screen.reason(molecule);
            if (reason == null) {
              unique.put(
                  key.smiles(),
                  new Product(key.smiles(), t.definition().name(), edit.site(), fragment));
            } else {
              screenedOut.add(key.smiles());
              filtered.merge(reason, 1, Integer::sum);
            }
          }
          fragment += fragments == FragmentMode.KEEP ? 0 : 1;
        }
      }
      products.addAll(unique.values());
    }
    if (!matched) {
      return new ParentOutcome.NoSiteMatched();
    }
    return new ParentOutcome.Derivatized(products, productRejections, capped, filtered);
  }

  /** A product's key, or why it has none (exactly one is null). */
  private record Key(String smiles, String problem) {}

  /**
   * The canonical SMILES of a product. When the transform changed an aromatic atom or bond (the
   * product was kekulised again), the key is checked to read back as the same molecule: it parses,
   * its aromatic rings kekulise, and it has the product's atoms, hydrogens and charge (read with
   * Beam, the SMILES library under CDK's parser, at a fraction of a CDK parse). Otherwise the rings
   * are the parent's, which parsed. That a key re-read gives the same key is what {@link
   * CanonicalSmiles} guarantees and the tests check on every product they see; computing it here
   * would double the cost of a key.
   */
  private Key key(IAtomContainer molecule, boolean rekekulised) {
    long keyStart = System.nanoTime();
    try {
      String key = canonical.of(molecule);
      if (!rekekulised) {
        return new Key(key, null);
      }
      Graph back = Graph.fromSmiles(key).kekule();
      if (!sameComposition(molecule, back)) {
        return new Key(null, "key does not re-parse to the same molecule: " + key);
      }
      return new Key(key, null);
    } catch (IOException e) {
      // Beam's InvalidSmilesException, not public
      return new Key(null, "not kekulisable: " + firstLine(e.getMessage()));
    } catch (IllegalArgumentException e) {
      String reason = firstLine(e.getMessage());
      return new Key(null, reason.contains("kekul") ? "not kekulisable: " + reason : reason);
    } finally {
      keyNanos += System.nanoTime() - keyStart;
    }
  }

  /** The same atom count, hydrogen count and total charge. */
  private static boolean sameComposition(IAtomContainer molecule, Graph back) {
    if (molecule.getAtomCount() != back.order()) {
      return false;
    }
    int hydrogens = 0;
    int charge = 0;
    for (IAtom atom : molecule.atoms()) {
      hydrogens += atom.getImplicitHydrogenCount() == null ? 0 : atom.getImplicitHydrogenCount();
      charge += atom.getFormalCharge() == null ? 0 : atom.getFormalCharge();
    }
    for (int u = 0; u < back.order(); u++) {
      hydrogens -= back.implHCount(u);
      charge -= back.atom(u).charge();
    }
    return hydrogens == 0 && charge == 0;
  }

  /**
   * The number of applications (mappings) of a transform on the parent, counted by applying it: the
   * reactant side may hold explicit hydrogens that a plain SMARTS match of it would not find. Only
   * called when a cap is reached.
   */
  private static int countSites(Compiled t, IAtomContainer parent) {
    int sites = 0;
    for (IAtomContainer ignored : t.smirks().apply(parent, Transform.Mode.All, 0)) {
      sites++;
    }
    return sites;
  }

  /**
   * A parsed parent as the enumerator numbers its atoms, which a product's {@code site} indexes:
   * explicit hydrogens suppressed (the parsed molecule itself when it has none).
   */
  public static IAtomContainer parentAtoms(IAtomContainer mol) {
    for (IAtom atom : mol.atoms()) {
      if (atom.getAtomicNumber() != null && atom.getAtomicNumber() == 1) {
        return AtomContainerManipulator.suppressHydrogens(mol);
      }
    }
    return mol;
  }

  private ParentOutcome tooLarge(int heavy) {
    return rejected(
        Rejection.Stage.PARENT,
        "too large: " + heavy + " heavy atoms > --max-heavy-atoms " + limits.maxHeavyAtoms());
  }

  private static ProductRejection productRejection(Compiled t, String reason) {
    return new ProductRejection(
        t.definition().name(), new Rejection(Rejection.Stage.PRODUCT, reason));
  }

  private static ParentOutcome rejected(Rejection.Stage stage, String reason) {
    return new ParentOutcome.Rejected(new Rejection(stage, reason));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
