package org.latentlab.checkpoint;

import org.latentlab.train.TrainConfig;
import java.util.Map;
import org.latentlab.model.ModelConfig;

/**
 * The manifest.json of a checkpoint folder: what the weights are and how they were made.
 *
 * @param files SHA-256 (hex) of each weights file, by file name
 * @param optimizerUpdates Adam update counts {D, G+E}
 */
public record CheckpointManifest(String format, int version, ModelConfig model, TrainConfig train,
        long step, String dataset, int[] imageShape, Map<String, Double> metrics, String command,
        Map<String, String> files, long[] optimizerUpdates, String created) {

    public static final String FORMAT = "latentlab-bigan-checkpoint";
    public static final int VERSION = 1;

    public CheckpointManifest withMetrics(Map<String, Double> newMetrics) {
        return new CheckpointManifest(format, version, model, train, step, dataset, imageShape, newMetrics, command,
                files, optimizerUpdates, created);
    }

    public CheckpointManifest withFiles(Map<String, String> newFiles) {
        return new CheckpointManifest(format, version, model, train, step, dataset, imageShape, metrics, command,
                newFiles, optimizerUpdates, created);
    }
}
