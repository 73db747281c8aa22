package org.latentlab.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.latentlab.checkpoint.CheckpointException;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.checkpoint.LossLog;
import org.latentlab.data.DataDescription;
import org.latentlab.interop.ImportException;
import org.latentlab.interop.TorchScriptImport;
import org.latentlab.latent.LatentPrior;

/** Opens any model folder: a checkpoint trained here, or a generator imported from PyTorch. */
public final class LatentModels {
    private LatentModels() {}

    /**
     * The model in {@code path} (a checkpoint, a run folder, or an imported model's folder).
     *
     * @throws IOException in words when it is neither, or damaged
     */
    public static LatentModel open(Path path) throws IOException {
        return open(path, ImportedModel.PROJECTION_STEPS);
    }

    /** As {@link #open(Path)}; a generator without an encoder encodes by {@code projectionSteps} steps. */
    public static LatentModel open(Path path, int projectionSteps) throws IOException {
        Path dir = resolve(path);
        if (TorchScriptImport.isImported(dir)) {
            try {
                return ImportedModel.load(dir, projectionSteps);
            } catch (ImportException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return InferenceModel.load(dir);
    }

    /** The folder that holds the model's manifest. */
    public static Path resolve(Path path) throws CheckpointException {
        return Checkpoints.resolve(path);
    }

    /** What the window shows of a model opened from {@code source}. */
    static ModelInfo infoOf(LatentModel loaded, Path source) {
        if (loaded instanceof InferenceModel trained) {
            var m = trained.manifest();
            return new ModelInfo(m.model(), m.train(), m.step(), m.dataDescription(), source, m.metrics(),
                    loaded.density() != null, LatentPrior.UNIFORM, LossLog.history(source, m.step()),
                    loaded.samplingTemperature());
        }
        var c = loaded.config();
        DataDescription data = loaded instanceof ImportedModel imported ? imported.manifest().dataOrNone()
                : DataDescription.none(c.channels(), c.imageSize());
        return new ModelInfo(c, null, 0, data, source, Map.of(), false, loaded.prior());
    }
}
