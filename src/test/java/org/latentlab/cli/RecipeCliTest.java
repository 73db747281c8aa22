package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.train.Recipe;
import org.latentlab.train.TrainConfig;

/** {@code train --recipe}: the recipe's settings, with the options given besides it on top. */
class RecipeCliTest {
    @TempDir Path dir;

    @Test
    void ganFirstSetsWhatTheCommandLineDoesNotAndTheRestOverrides() throws Exception {
        Path run = dir.resolve("gan");
        var r = CliTest.run("train", "--recipe", "gan-first", "--lr-ge", "1e-3", "--zdim", "8", "--hidden", "32",
                "--steps", "10", "--limit", "256", "--batch", "32", "--threads", "1", "--no-density", "--out",
                run.toString());
        assertEquals(0, r.code(), r.err());
        var m = Checkpoints.readManifest(run);
        var expected = Recipe.GAN_FIRST.train(1, 10);
        assertEquals(new TrainConfig(32, expected.lrD(), 1e-3f, expected.beta1(), expected.beta2(),
                expected.lambdaX(), expected.lambdaZ(), 1, expected.cycleShift(), 0f, 0f, 8,
                expected.generatorAverage(), expected.encoderPrior(), expected.instanceNoise()), m.train());
        assertTrue(m.model().spectralNorm() && m.model().imageScore(), m.model().toString());
    }

    @Test
    void anUnknownRecipeOrOneWithoutStepsIsAUsageError() {
        var unknown = CliTest.run("train", "--recipe", "gan", "--steps", "5", "--out", dir.resolve("a").toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("--recipe must be encoder-first or gan-first, not 'gan'"), unknown.err());
        var epochs = CliTest.run("train", "--recipe", "gan-first", "--epochs", "1", "--out",
                dir.resolve("b").toString());
        assertEquals(2, epochs.code());
        assertTrue(epochs.err().contains("needs --steps"), epochs.err());
    }
}
