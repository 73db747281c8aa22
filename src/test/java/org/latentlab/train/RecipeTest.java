package org.latentlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecipeTest {
    @Test
    void encoderFirstIsTheDefaultRecipe() {
        assertEquals(TrainConfig.defaults(3), Recipe.ENCODER_FIRST.train(3, 24_000));
        assertFalse(Recipe.ENCODER_FIRST.spectralNorm() || Recipe.ENCODER_FIRST.imageScore());
        assertEquals(Optional.of(Recipe.ENCODER_FIRST), Recipe.named("encoder-first"));
    }

    /** The measured GAN-first run: the x16 game with G's average (no instance noise), then E alone for a fifth. */
    @Test
    void ganFirstTrainsTheGameThenEAloneForTheLastFifth() {
        TrainConfig t = Recipe.GAN_FIRST.train(2, 40_000);
        assertEquals(List.of(6.4e-3f, 3.2e-3f, 0f, 0.9f, 0f, 0f, 0.999f, 0f, 10f),
                List.of(t.lrD(), t.lrGE(), t.beta1(), t.beta2(), t.lambdaX(), t.lambdaZ(), t.generatorAverage(),
                        t.instanceNoise(), t.encoderPrior()));
        assertEquals(32_000, t.encoderOnlyFrom());
        assertEquals(2, t.seed());
        assertEquals(4, Recipe.GAN_FIRST.train(1, 5).encoderOnlyFrom());
        assertEquals(1, Recipe.GAN_FIRST.train(1, 1).encoderOnlyFrom(), "a run of one step still has its phase");
        assertTrue(Recipe.GAN_FIRST.spectralNorm() && Recipe.GAN_FIRST.imageScore());
        assertEquals(Optional.of(Recipe.GAN_FIRST), Recipe.named("gan-first"));
        assertEquals(Optional.empty(), Recipe.named("gan"));
    }
}
