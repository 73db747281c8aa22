package org.latentlab.engine;

import java.nio.file.Path;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.TrainConfig;

/**
 * What the UI asks the engine to train.
 *
 * @param resumeFrom a checkpoint to continue (its own configs win), or null for a fresh model
 * @param outDir where checkpoints go
 */
public record TrainingRequest(String data, ModelConfig model, TrainConfig train, long totalSteps, Path outDir,
        Path resumeFrom, int snapshotEvery, int checkpointEvery) {}
