package org.latentlab.train;

import org.latentlab.model.ModelConfig;

/**
 * A view of the model at one step, in plain values: progress grids and weights for inference copies.
 *
 * @param samples G(z) of the fixed noise batch, sampleCount images of config.pixels() floats
 * @param densitySamples as many G(z), z from the running density of E(x) ({@code RunningDensity}),
 *     or null when there were too few training images to fit one
 * @param reals the fixed real batch; @param reconstructions G(E(x)) of it
 * @param reconstructionMse mean squared error per pixel of the reconstructions
 * @param generatorWeights G's saved parameters; @param encoderWeights E's
 */
public record TrainingSnapshot(long step, ModelConfig config, int sampleCount, float[] samples, float[] densitySamples,
        int realCount, float[] reals, float[] reconstructions, float reconstructionMse, byte[] generatorWeights,
        byte[] encoderWeights) {}
