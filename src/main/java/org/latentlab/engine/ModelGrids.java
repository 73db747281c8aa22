package org.latentlab.engine;

import java.io.IOException;
import org.latentlab.data.ImageDataset;
import org.latentlab.train.SampleGrids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training tab's grids of a model opened from disk, drawn once: G(z) of its run's fixed noise
 * (the run's seed, so the prior grid goes on where the run's stopped), G(z) from its fitted
 * density at the temperature it is drawn at by default, and test images beside G(E(x)).
 */
final class ModelGrids {
    private static final Logger LOG = LoggerFactory.getLogger(ModelGrids.class);

    /** The model's test images; fails in words when its data are not at hand. */
    interface TestImages {
        ImageDataset load() throws IOException;
    }

    private ModelGrids() {}

    /** Model thread: the grids of the model {@code info} describes, which must have been opened from disk. */
    static SampleGrids of(LatentModel model, ModelInfo info, TestImages testImages) {
        if (info == null || info.source() == null || !info.trainable()) {
            throw new IllegalStateException("Only a model opened from disk has grids to draw here.");
        }
        ImageDataset test;
        try {
            test = testImages.load();
        } catch (IOException e) { // the grids from G alone, which need no data
            LOG.info("Grids without reconstructions: {}", e.getMessage());
            test = null;
        }
        long seed = info.train().seed();
        int n = SampleGrids.SAMPLE_COUNT;
        float[] samples = model.generate(model.samplePrior(seed, SampleGrids.NOISE_STEP, n), n);
        float[] fromDensity = model.density() == null ? null
                : model.generate(model.drawLatents(n, seed, false, model.samplingTemperature()), n);
        if (test == null) {
            return SampleGrids.of(info.step(), model.config(), samples, fromDensity, null, null);
        }
        float[] reals = SampleGrids.fixedReals(test, seed);
        return SampleGrids.of(info.step(), model.config(), samples, fromDensity, reals,
                model.generate(model.encode(reals, SampleGrids.REAL_COUNT), SampleGrids.REAL_COUNT));
    }
}
