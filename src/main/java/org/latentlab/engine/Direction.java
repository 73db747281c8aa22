package org.latentlab.engine;

/** A named direction in latent space; a slider moves z by {@code amount * vector}. */
public record Direction(String name, String kind, float[] vector) {}
