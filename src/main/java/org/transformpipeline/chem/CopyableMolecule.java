package org.transformpipeline.chem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.ICDKObject;
import org.openscience.cdk.interfaces.IChemObject;
import org.openscience.cdk.interfaces.IChemObjectBuilder;
import org.openscience.cdk.interfaces.IReaction;
import org.openscience.cdk.interfaces.IStereoElement;
import org.openscience.cdk.silent.AtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

/**
 * CDK's silent {@link AtomContainer} with a cheaper {@link #clone()}: CDK's SMIRKS {@code
 * Transform} clones the parent once per site, and CDK's clone maps each stereo element through
 * {@code IStereoElement.map(atoms, bonds)}, which copies both whole maps into a new one for every
 * element (AbstractStereo.map): O(atoms x stereocentres) hash-map puts a copy, 11% of the
 * chemistry's CPU on glycosylated polyphenols. Here the stereo elements are held back from CDK's
 * clone and mapped afterwards through one map of the original atoms and bonds to the copy's, built
 * once. Same copy, same stereo elements in the same order.
 *
 * <p>{@link #BUILDER} makes these when a SMILES parser builds a molecule; everything else comes
 * from CDK's silent builder. Not thread-safe (nor is CDK's container): {@code clone} briefly
 * empties the original's stereo list.
 */
final class CopyableMolecule extends AtomContainer {

  /** CDK's silent builder, except that molecules are {@code CopyableMolecule}s. */
  static final IChemObjectBuilder BUILDER = new Builder();

  CopyableMolecule() {
    super(0, 0, 0, 0);
  }

  @Override
  @SuppressWarnings("rawtypes") // CDK's setStereoElements takes a List of the raw type
  public IAtomContainer clone() throws CloneNotSupportedException {
    List<IStereoElement> elements = new ArrayList<>();
    for (IStereoElement<?, ?> element : stereoElements()) {
      elements.add(element);
    }
    if (elements.isEmpty()) {
      return super.clone();
    }
    IAtomContainer copy;
    setStereoElements(List.of());
    try {
      copy = super.clone();
    } finally {
      setStereoElements(elements); // the same references: CDK re-wraps nothing
    }
    int atoms = getAtomCount();
    int bonds = getBondCount();
    Map<IChemObject, IChemObject> map = new HashMap<>(2 * (atoms + bonds));
    for (int i = 0; i < atoms; i++) {
      map.put(getAtom(i), copy.getAtom(i));
    }
    for (int i = 0; i < bonds; i++) {
      map.put(getBond(i), copy.getBond(i));
    }
    List<IStereoElement> mapped = new ArrayList<>(elements.size());
    for (IStereoElement<?, ?> element : elements) {
      mapped.add(element.map(map));
    }
    copy.setStereoElements(mapped);
    return copy;
  }

  private static final class Builder implements IChemObjectBuilder {
    private final IChemObjectBuilder silent = SilentChemObjectBuilder.getInstance();

    @Override
    public <T extends ICDKObject> T newInstance(Class<T> clazz, Object... params) {
      // an empty molecule (the parser passes capacity hints); copies and the rest: CDK's
      if (clazz == IAtomContainer.class && allIntegers(params)) {
        return clazz.cast(new CopyableMolecule());
      }
      return silent.newInstance(clazz, params);
    }

    private static boolean allIntegers(Object[] params) {
      for (Object param : params) {
        if (!(param instanceof Integer)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public IAtom newAtom() {
      return silent.newAtom();
    }

    @Override
    public IBond newBond() {
      return silent.newBond();
    }

    @Override
    public IAtomContainer newAtomContainer() {
      return new CopyableMolecule();
    }

    @Override
    public IReaction newReaction() {
      return silent.newReaction();
    }
  }
}
