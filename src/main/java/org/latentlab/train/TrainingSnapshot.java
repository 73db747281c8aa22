package org.latentlab.train;

import org.latentlab.model.ModelConfig;

/**
 * A view of the model at one step, in plain values: progress grids and weights for inference copies.
 *
 * @param grids what G draws at this step
 * @param generatorWeights G's saved parameters; @param encoderWeights E's
 */
public record TrainingSnapshot(SampleGrids grids, byte[] generatorWeights, byte[] encoderWeights) {
    public long step() {
        return grids.step();
    }

    public ModelConfig config() {
        return grids.config();
    }
}
