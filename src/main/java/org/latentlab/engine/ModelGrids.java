package org.latentlab.engine;

import java.io.IOException;
import org.latentlab.data.ImageDataset;
import org.latentlab.train.SampleGrids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training tab's grids of a model opened from disk, drawn once: G(z) of its run's fixed noise
 * (the run's seed, so the prior grid goes on where the run's stopped), G(z) from its fitted
 * density at the temperature it is drawn at by default, and its run's fixed batch of training
 * images beside G(E(x)): the images, and so the reconstruction error, its run's last grid showed
 * and its chart ends on (test images here gave another error than the chart's last point).
 */
final class ModelGrids {
    private static final Logger LOG = LoggerFactory.getLogger(ModelGrids.class);

    /** The images the model was trained on; fails in words when its data are not at hand. */
    interface TrainingImages {
        ImageDataset load() throws IOException;
    }

    private ModelGrids() {}

    /** Model thread: the grids of the model {@code info} describes, which must have been opened from disk. */
    static SampleGrids of(LatentModel model, ModelInfo info, TrainingImages trainingImages) {
        if (info == null || info.source() == null || !info.trainable()) {
            throw new IllegalStateException("Only a model opened from disk has grids to draw here.");
        }
        ImageDataset train;
        try {
            train = trainingImages.load();
        } catch (IOException e) { // the grids from G alone, which need no data
            LOG.info("Grids without reconstructions: {}", e.getMessage());
            train = null;
        }
        long seed = info.train().seed();
        int n = SampleGrids.SAMPLE_COUNT;
        float[] samples = model.generate(model.samplePrior(seed, SampleGrids.NOISE_STEP, n), n);
        float[] fromDensity = model.density() == null ? null
                : model.generate(model.drawLatents(n, seed, false, model.samplingTemperature()), n);
        if (train == null) {
            return SampleGrids.of(info.step(), model.config(), samples, fromDensity, null, null);
        }
        float[] reals = SampleGrids.fixedReals(train, seed);
        return SampleGrids.of(info.step(), model.config(), samples, fromDensity, reals,
                model.generate(model.encode(reals, SampleGrids.REAL_COUNT), SampleGrids.REAL_COUNT));
    }
}
