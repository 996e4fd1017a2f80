package org.transformpipeline.chem;

/**
 * One product of one transform applied at one site of a parent molecule.
 *
 * @param smiles canonical, stereo-exact SMILES of the product; also its dedup key
 * @param transform name of the transform that made it
 * @param site index (0-based, in the parent as parsed) of the lowest parent atom the transform
 *     changed or deleted, i.e. the atom the transform acted on
 * @param fragment 0 for a whole product ({@link FragmentMode#KEEP}); with {@link
 *     FragmentMode#SPLIT}, 1, 2, ... for the touched components of one application, in the order of
 *     their lowest atom
 */
public record Product(String smiles, String transform, int site, int fragment) {

  /** A whole product (fragment 0). */
  public Product(String smiles, String transform, int site) {
    this(smiles, transform, site, 0);
  }
}
