package org.transformpipeline.pipeline;

/**
 * A candidate output row with the 128-bit murmur3 hash of its product SMILES, computed by the
 * worker so that the consumer only looks the key up.
 *
 * @param row the output row
 * @param hi first 8 bytes of the hash (little-endian)
 * @param lo last 8 bytes of the hash (little-endian)
 */
public record HashedProduct(ProductRow row, long hi, long lo) {}
