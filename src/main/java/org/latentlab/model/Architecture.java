package org.latentlab.model;

/** The network family of a BiGAN's three parts. */
public enum Architecture {
    /** Fully connected layers; the reference architecture of the speed benchmark. */
    MLP,
    /** DCGAN-style convolutions, for 28, 32 or 64 pixel images. */
    CONV
}
