package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.checkpoint.CheckpointManifest;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.cli.Cli;
import org.latentlab.train.LossPoint;
import org.latentlab.train.SampleGrids;
import org.latentlab.train.TestModels;
import org.latentlab.train.TrainingProgress;
import org.latentlab.train.TrainingSnapshot;

/**
 * The window and the command line train the same run from the same seed and settings: the same
 * weights, to the bit. The window's engine builds its explorer copies on other threads while it
 * trains, which used to draw from the generator in the middle of training steps.
 */
@Tag("slow")
class SameRunTest {
    @TempDir Path dir;

    @Test
    void theWindowAndTheCommandLineGiveTheSameWeights() throws Exception {
        Path window = dir.resolve("window");
        try (LatentEngine engine = new TorchEngine()) {
            CountDownLatch done = new CountDownLatch(1);
            String[] failure = new String[1];
            TrainingSnapshot[] last = new TrainingSnapshot[1];
            var request = new TrainingRequest("mnist", TestModels.small().withSpectralNorm(true),
                    TestModels.smallTrain(7).withBetas(0f, 0.9f).withEncoderOnlyFrom(25).withGeneratorAverage(0.9f), 30,
                    window, null, 5, 1000);
            engine.training().start(request, new TrainingEvents() {
                @Override
                public void progress(TrainingProgress progress) {}

                @Override
                public void snapshot(TrainingSnapshot snapshot) {
                    last[0] = snapshot;
                }

                @Override
                public void checkpoint(Path path, long step) {}

                @Override
                public void finished(long step, boolean stopped, Path checkpoint) {
                    done.countDown();
                }

                @Override
                public void failed(String message) {
                    failure[0] = message;
                    done.countDown();
                }
            });
            assertTrue(done.await(120, TimeUnit.SECONDS), "the window's run finished");
            assertEquals(null, failure[0]);
            ModelInfo opened = engine.loadModel(window).get(60, TimeUnit.SECONDS);
            assertEquals(List.of(10L, 20L, 30L), opened.history().losses().stream().map(LossPoint::step).toList(),
                    "the run's loss history, read back when it is opened");
            SampleGrids grids = engine.openedGrids().get(60, TimeUnit.SECONDS);
            assertEquals(30, grids.step());
            assertArrayEquals(last[0].grids().samples(), grids.samples(), 1e-5f,
                    "the opened model's prior grid goes on where its run's stopped");
            assertArrayEquals(last[0].grids().reals(), grids.reals(), "the run's fixed images");
            assertEquals(last[0].grids().reconstructionMse(), grids.reconstructionMse(), 1e-6f,
                    "the reconstruction error the run's last grid showed");
        }
        Path cli = dir.resolve("cli");
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"train", "--data", "mnist", "--arch", "mlp", "--zdim", "8", "--hidden", "64",
                "--image-score", "--spectral-norm", "--adam-betas", "0,0.9", "--encoder-only-from", "25",
                "--g-average", "0.9",
                "--dropout", "0.2", "--batch", "32", "--lr-d", "2e-4", "--lr-ge", "2e-4",
                        "--lambda-x", "0.1",
                "--lambda-z", "1", "--cycle-shift", "0", "--seed", "7", "--steps", "30", "--threads",
                        "" + TorchThreads.backgroundTrainingThreads(), "--no-density",
                "--out", cli.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        CheckpointManifest a = Checkpoints.readManifest(window);
        CheckpointManifest b = Checkpoints.readManifest(cli);
        assertEquals(30, a.step());
        for (String f : new String[] {"generator.params", "encoder.params", "discriminator.params",
            "spectral-norm.bin"}) {
            assertEquals(b.files().get(f), a.files().get(f),
                    f + " differs between the window's run and the command line's");
        }
    }
}
