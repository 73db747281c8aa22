package org.latentlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latentlab.checkpoint.Json;

class TrainConfigTest {
    @Test
    void checkpointsFromBeforeTheCycleShiftReadAsUnshifted() {
        String before = "{\"batchSize\":128,\"lrD\":1.0E-4,\"lrGE\":2.0E-4,\"beta1\":0.5,\"beta2\":0.999,"
                + "\"lambdaX\":4.0,\"lambdaZ\":1.0,\"seed\":1}";
        TrainConfig read = Json.GSON.fromJson(before, TrainConfig.class);
        assertEquals(0, read.cycleShift());
        assertEquals(0f, read.lambdaPrior(), "nor the prior-matching term");
        assertEquals(0f, read.codeNoise(), "nor code noise");
        assertEquals(4f, read.lambdaX());
        TrainConfig shifted = new TrainConfig(128, 1e-4f, 2e-4f, 0.5f, 0.999f, 4f, 1f, 1, 2);
        assertEquals(shifted, Json.GSON.fromJson(Json.GSON.toJson(shifted), TrainConfig.class));
        assertEquals(2, shifted.withSeed(7).cycleShift());
        TrainConfig matched = shifted.withLambdaPrior(100f).withCodeNoise(0.2f);
        assertEquals(matched, Json.GSON.fromJson(Json.GSON.toJson(matched), TrainConfig.class));
        assertEquals(0.2f, matched.withSeed(7).codeNoise());
        assertEquals(100f, matched.withSeed(7).lambdaPrior());
    }

    @Test
    void aNegativePriorWeightOrCodeNoiseIsRefused() {
        TrainConfig base = TrainConfig.defaults(1);
        assertThrows(IllegalArgumentException.class, () -> base.withLambdaPrior(-1f));
        assertThrows(IllegalArgumentException.class, () -> base.withLambdaPrior(Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> base.withCodeNoise(-0.1f));
        assertThrows(IllegalArgumentException.class, () -> base.withCodeNoise(2f));
    }

    @Test
    void aShiftOutsideZeroToFourIsRefusedInWords() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TrainConfig(128, 1e-4f, 2e-4f, 0.5f, 0.999f, 4f,
                1f, 1, 5));
        assertTrue(e.getMessage().contains("0 to 4 pixels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(128, 1e-4f, 2e-4f, 0.5f, 0.999f, 4f, 1f, 1,
                -1));
    }

    /**
     * E's pull to the prior: kept by a checkpoint, 0 in one written before it, refused in words
     * without E's phase, and what a resumed run may change with the step E's phase starts at.
     */
    @Test
    void theEncodersPullToThePriorNeedsItsPhaseAndMayChangeOnResume() {
        TrainConfig game = TrainConfig.defaults(1).withEncoderOnlyFrom(300);
        TrainConfig pulled = game.withEncoderPrior(10f);
        assertEquals(pulled, Json.GSON.fromJson(Json.GSON.toJson(pulled), TrainConfig.class));
        assertEquals(0f, Json.GSON.fromJson(Json.GSON.toJson(game).replace(",\"encoderPrior\":0.0", ""),
                TrainConfig.class).encoderPrior(), "a checkpoint from before the option");
        assertEquals(10f, pulled.withSeed(2).withGeneratorAverage(0.9f).encoderPrior());
        var e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults(1).withEncoderPrior(10f));
        assertTrue(e.getMessage().contains("E trains alone"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pulled.withEncoderOnlyFrom(0));
        assertThrows(IllegalArgumentException.class, () -> game.withEncoderPrior(-1f));
        assertThrows(IllegalArgumentException.class, () -> game.withEncoderPrior(Float.POSITIVE_INFINITY));
        assertEquals(pulled.withEncoderOnlyFrom(500), pulled.withEncoderPhase(new TrainConfig.EncoderPhase(500L, null)),
                "the step changed, the pull kept");
        assertEquals(game.withEncoderPrior(40f), pulled.withEncoderPhase(new TrainConfig.EncoderPhase(null, 40f)));
        assertEquals(pulled, pulled.withEncoderPhase(new TrainConfig.EncoderPhase(null, null)));
    }
}
