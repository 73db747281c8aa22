package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.checkpoint.CheckpointManifest;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.data.GeneratedData;
import org.latentlab.interop.TorchPython;
import org.latentlab.train.Recipe;
import org.latentlab.train.TrainConfig;

/**
 * The PyTorch trainer's {@code --recipe gan-first} is the app's (train/Recipe), its values kept
 * in a copy of their own in tools/latentlab_train.py; options given besides it override it.
 */
class TorchRecipeTest {
    @TempDir Path dir;

    @Test
    void theGanFirstRecipeIsTheAppsOwnAndAGivenOptionOverridesIt() throws Exception {
        String python = TorchPython.requireOrSkip();
        Path data = GeneratedData.idx(dir.resolve("shapes"), 64, 16);
        Path run = dir.resolve("run");
        TorchPython.run(python, "train", "--recipe", "gan-first", "--data", data, "--steps", 7, "--batch", 16,
                "--hidden", 32, "--zdim", 4, "--lr-d", "1e-3", "--threads", 1, "--out", run);
        CheckpointManifest m = Checkpoints.readManifest(TorchPython.imported(run, dir.resolve("imported")));
        TrainConfig app = Recipe.GAN_FIRST.train(1, 7); // E alone from round(7 * 0.8) = 6
        assertEquals(new TrainConfig(16, 1e-3f, app.lrGE(), app.beta1(), app.beta2(), app.lambdaX(), app.lambdaZ(),
                app.seed(), app.cycleShift(), app.lambdaPrior(), app.codeNoise(), app.encoderOnlyFrom(),
                app.generatorAverage(), app.encoderPrior(), app.instanceNoise()), m.train());
        assertEquals(List.of(Recipe.GAN_FIRST.spectralNorm(), Recipe.GAN_FIRST.imageScore()),
                List.of(m.model().spectralNorm(), m.model().imageScore()));
    }
}
