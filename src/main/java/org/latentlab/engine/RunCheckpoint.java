package org.latentlab.engine;

import java.nio.file.Path;

/** One checkpoint of a training run: its step and folder. */
public record RunCheckpoint(long step, Path dir) {}
