package org.transformpipeline.chem;

/**
 * One product of one transform applied at one site of a parent molecule.
 *
 * @param smiles canonical, stereo-exact SMILES of the product; also its dedup key
 * @param transform name of the transform that made it
 * @param site index (0-based, in the parent as parsed) of the parent atom mapped to the lowest
 *     atom-map number of the transform, i.e. the atom the transform acted on
 */
public record Product(String smiles, String transform, int site) {}
