package org.latentlab.checkpoint;

import java.util.Map;
import org.latentlab.data.DataDescription;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.TrainConfig;

/**
 * The manifest.json of a checkpoint folder: what the weights are and how they were made.
 *
 * @param files SHA-256 (hex) of each weights file, by file name
 * @param optimizerUpdates Adam update counts {D, G+E}
 * @param dataset the {@code --data} source, as {@code data.source()} (kept for older readers)
 * @param data the data set described, null in manifests written before it was recorded (see
 *     {@link #dataDescription()})
 */
public record CheckpointManifest(String format, int version, ModelConfig model, TrainConfig train,
        long step, String dataset, int[] imageShape, Map<String, Double> metrics, String command,
        Map<String, String> files, long[] optimizerUpdates, String created, DataDescription data) {

    public static final String FORMAT = "latentlab-bigan-checkpoint";
    public static final int VERSION = 1;

    public CheckpointManifest withMetrics(Map<String, Double> newMetrics) {
        return new CheckpointManifest(format, version, model, train, step, dataset, imageShape, newMetrics, command,
                files, optimizerUpdates, created, data);
    }

    public CheckpointManifest withFiles(Map<String, String> newFiles) {
        return new CheckpointManifest(format, version, model, train, step, dataset, imageShape, metrics, command,
                newFiles, optimizerUpdates, created, data);
    }

    /** The data set of the model: as recorded, or what an older manifest's source and shape imply. */
    public DataDescription dataDescription() {
        if (data != null) {
            return data;
        }
        int channels = imageShape != null && imageShape.length == 3 ? imageShape[0] : model.channels();
        return DataDescription.implied(dataset, channels, model.imageSize());
    }
}
