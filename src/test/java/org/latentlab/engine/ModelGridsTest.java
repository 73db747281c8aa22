package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.data.DataFormatException;
import org.latentlab.data.ImageDataset;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.SampleGrids;
import org.latentlab.train.TestModels;
import org.latentlab.train.TrainConfig;

/** The training tab's grids of a model opened from disk. */
class ModelGridsTest {
    private static final ModelConfig SMALL = TestModels.small();
    private final ModelInfo opened = new ModelInfo(SMALL, TrainConfig.defaults(5), 40, TestModels.MNIST_DATA,
            Path.of("run/step-00000040"), Map.of(), false);

    @Test
    void gDrawsItsRunsFixedNoiseAndItsRunsFixedImagesBesideTheirReconstructions() throws Exception {
        ImageDataset train = TestModels.mnist(100);
        try (InferenceModel model = InferenceModel.untrained(SMALL)) {
            SampleGrids g = ModelGrids.of(model, opened, () -> train);
            float[] noise = model.samplePrior(5, -1, SampleGrids.SAMPLE_COUNT);
            assertArrayEquals(model.generate(noise, SampleGrids.SAMPLE_COUNT), g.samples(), "the run's fixed noise");
            assertEquals(40, g.step());
            assertNull(g.densitySamples(), "no density fitted");
            assertArrayEquals(SampleGrids.fixedReals(train, 5), g.reals());
            assertEquals(SampleGrids.REAL_COUNT * SMALL.pixels(), g.reconstructions().length);
            assertTrue(g.reconstructionMse() > 0);
        }
    }

    @Test
    void withoutItsDataGDrawsAlone() {
        try (InferenceModel model = InferenceModel.untrained(SMALL)) {
            SampleGrids g = ModelGrids.of(model, opened, () -> {
                throw new DataFormatException("This model's data (/gone) is not there any more");
            });
            assertFalse(g.hasReals());
            assertEquals(SampleGrids.SAMPLE_COUNT * SMALL.pixels(), g.samples().length);
            assertTrue(Float.isNaN(g.reconstructionMse()));
        }
    }

    @Test
    void aModelInTrainingHasNoOpenedGrids() {
        ModelInfo live = new ModelInfo(SMALL, TrainConfig.defaults(5), 40, TestModels.MNIST_DATA, null, Map.of(),
                false);
        try (InferenceModel model = InferenceModel.untrained(SMALL)) {
            assertThrows(IllegalStateException.class, () -> ModelGrids.of(model, live, () -> null));
        }
    }
}
