package org.transformpipeline.chem;

/**
 * One product of a parent that failed validation: which transform made it and why it was not used.
 *
 * @param transform name of the transform that made the product
 * @param rejection stage ({@link Rejection.Stage#PRODUCT}) and reason
 */
public record ProductRejection(String transform, Rejection rejection) {}
