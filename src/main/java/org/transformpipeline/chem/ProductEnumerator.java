package org.transformpipeline.chem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.isomorphism.Transform;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.smirks.Smirks;
import org.openscience.cdk.smirks.SmirksTransform;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * Turns one parent SMILES into its products: parse, apply every transform once per site, validate
 * each product, and key it with its canonical SMILES.
 *
 * <p>Per transform, CDK's {@code Transform.Mode.Unique} gives one product per distinct matched atom
 * set; products of one parent that are the same molecule (sites equivalent by symmetry) are
 * collapsed to the first site. A product keeps the whole parent, counter-ions included. The site is
 * the lowest parent atom index whose element, charge, hydrogen count or number of bonds the
 * transform changed (for O-methylation, the phenolic O).
 *
 * <p>Not thread-safe: it holds a SMILES parser, compiled transforms and a canonicaliser. Make one
 * per worker thread.
 */
public final class ProductEnumerator {

  private final SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
  private final CanonicalSmiles canonical = new CanonicalSmiles();
  private final List<Compiled> transforms;
  private final EnumerationLimits limits;
  private long parseNanos;
  private long applyNanos;
  private long keyNanos;

  /** A transform ready to apply. */
  private record Compiled(TransformDefinition definition, SmirksTransform smirks) {}

  /**
   * @param transforms the transforms to apply, in output order (already validated by the library)
   * @param limits the per-parent guards
   */
  public ProductEnumerator(List<TransformDefinition> transforms, EnumerationLimits limits) {
    this.limits = limits;
    List<Compiled> compiled = new ArrayList<>();
    for (TransformDefinition t : transforms) {
      SmirksTransform smirks = Smirks.compile(t.smirks());
      // aromaticity and rings are perceived once per parent, not once per transform
      smirks.setPrepare(false);
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
    IAtomContainer parent;
    try {
      parent = parser.parseSmiles(smiles);
    } catch (InvalidSmilesException e) {
      return rejected(Rejection.Stage.PARSE, "invalid SMILES: " + firstLine(e.getMessage()));
    } finally {
      parseNanos += System.nanoTime() - start;
    }
    return enumerate(parent);
  }

  /** Enumerates the products of a parsed parent; the parent is prepared (aromaticity) in place. */
  public ParentOutcome enumerate(IAtomContainer parsed) {
    long start = System.nanoTime();
    long keyBefore = keyNanos;
    try {
      return enumerate(parsed, start + limits.timePerParent().toNanos());
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

  private ParentOutcome enumerate(IAtomContainer parsed, long deadline) {
    IAtomContainer parent = parentAtoms(parsed);
    int heavy = parent.getAtomCount();
    if (heavy == 0) {
      return rejected(Rejection.Stage.PARENT, "no atoms");
    }
    if (heavy > limits.maxHeavyAtoms()) {
      return tooLarge(heavy);
    }
    for (IAtom atom : parent.atoms()) {
      if (atom.getImplicitHydrogenCount() == null) {
        return rejected(Rejection.Stage.PARENT, "unknown hydrogen count: atom " + atom.getIndex());
      }
    }
    SmartsPattern.prepare(parent);

    List<Product> products = new ArrayList<>();
    List<ProductRejection> productRejections = new ArrayList<>();
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
      int made = 0;
      for (IAtomContainer product : t.smirks().apply(parent, Transform.Mode.Unique, limit + 1)) {
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
        int site = changedSite(parent, product);
        String problem = validate(parent, product);
        if (problem != null) {
          productRejections.add(productRejection(t, problem));
          continue;
        }
        String key;
        long keyStart = System.nanoTime();
        try {
          key = canonical.of(product);
        } catch (IllegalArgumentException e) {
          productRejections.add(productRejection(t, firstLine(e.getMessage())));
          continue;
        } finally {
          keyNanos += System.nanoTime() - keyStart;
        }
        unique.putIfAbsent(key, new Product(key, t.definition().name(), site));
      }
      products.addAll(unique.values());
    }
    if (!matched) {
      return new ParentOutcome.NoSiteMatched();
    }
    return new ParentOutcome.Derivatized(products, productRejections, capped);
  }

  /**
   * The number of sites of a transform on the parent, counted by applying it: the reactant side may
   * hold explicit hydrogens that a plain SMARTS match of it would not find. Only called when a cap
   * is reached.
   */
  private static int countSites(Compiled t, IAtomContainer parent) {
    int sites = 0;
    for (IAtomContainer ignored : t.smirks().apply(parent, Transform.Mode.Unique, 0)) {
      sites++;
    }
    return sites;
  }

  /**
   * The lowest parent atom index the transform changed. Product atoms keep the parent's order (the
   * transform works on a copy and appends new atoms), so atoms are compared index by index.
   */
  private static int changedSite(IAtomContainer parent, IAtomContainer product) {
    int n = Math.min(parent.getAtomCount(), product.getAtomCount());
    for (int i = 0; i < n; i++) {
      IAtom a = parent.getAtom(i);
      IAtom b = product.getAtom(i);
      if (!a.getAtomicNumber().equals(b.getAtomicNumber())
          || !Objects.equals(a.getFormalCharge(), b.getFormalCharge())
          || !Objects.equals(a.getImplicitHydrogenCount(), b.getImplicitHydrogenCount())
          || a.getBondCount() != b.getBondCount()) {
        return i;
      }
    }
    return n < parent.getAtomCount() ? n : 0;
  }

  /** The first valence problem among the atoms the transform touched, or null. */
  private static String validate(IAtomContainer parent, IAtomContainer product) {
    int n = Math.min(parent.getAtomCount(), product.getAtomCount());
    for (int i = 0; i < product.getAtomCount(); i++) {
      IAtom b = product.getAtom(i);
      if (i < n) {
        IAtom a = parent.getAtom(i);
        if (a.getBondCount() == b.getBondCount()
            && Objects.equals(a.getImplicitHydrogenCount(), b.getImplicitHydrogenCount())
            && Objects.equals(a.getFormalCharge(), b.getFormalCharge())
            && a.getAtomicNumber().equals(b.getAtomicNumber())) {
          continue;
        }
      }
      if (b.getImplicitHydrogenCount() == null) {
        b.setImplicitHydrogenCount(0);
      }
      if (b.getImplicitHydrogenCount() < 0) {
        return "negative hydrogen count: " + b.getSymbol() + " at " + i;
      }
      String problem = ValenceCheck.problem(b);
      if (problem != null) {
        return problem + " at " + i;
      }
    }
    return null;
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
