package org.latentlab.engine;

/**
 * An image taken into the latent space.
 *
 * @param input the preprocessed model input (CHW floats in [0, 1])
 * @param z E(input)
 * @param reconstruction G(z)
 * @param error mean squared error per pixel of the reconstruction
 */
public record Encoding(float[] input, float[] z, float[] reconstruction, float error) {}
