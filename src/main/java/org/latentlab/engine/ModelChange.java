package org.latentlab.engine;

/**
 * The model the engine serves changed: published once per change to every subscriber.
 *
 * @param revision counts changes from 1, so a subscriber can tell a stale change from a new one
 * @param loaded true for another model (a checkpoint loaded: derived data such as directions must
 *     be recomputed), false when training refreshed the same model's weights or density
 */
public record ModelChange(ModelInfo info, long revision, boolean loaded) {}
