package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.model.Architecture;
import org.latentlab.model.ModelConfig;

/** {@code train --encoder}: a conv E for the MLP model, recorded in its checkpoint, and what cannot be built. */
class EncoderCliTest {
    @TempDir Path dir;

    @Test
    void aConvEncoderTrainsAndIsRecorded() throws Exception {
        Path run = dir.resolve("run");
        var r = CliTest.run("train", "--data", "mnist", "--zdim", "8", "--hidden", "32", "--encoder", "conv",
                "--encoder-width", "8", "--steps", "4", "--limit", "256", "--batch", "32", "--threads", "1",
                "--no-density", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        ModelConfig c = Checkpoints.readManifest(run).model();
        assertEquals(Architecture.CONV, c.encoder());
        assertEquals(8, c.encoderWidth());
        assertEquals(32, c.convEncoderFc());
        var encoded = CliTest.run("reconstruct", "--model", run.toString(), "--count", "2", "--out",
                dir.resolve("r.png").toString());
        assertEquals(0, encoded.code(), encoded.err());
    }

    /** The GAN first, then a new conv E for its G: {@code --resume} with {@code --encoder} in E's phase. */
    @Test
    void aResumedRunFitsANewConvEncoderInEsPhase() throws Exception {
        Path run = dir.resolve("game");
        var game = CliTest.run("train", "--data", "mnist", "--zdim", "8", "--hidden", "32", "--steps", "3",
                "--limit", "256", "--batch", "32", "--threads", "1", "--no-density", "--out", run.toString());
        assertEquals(0, game.code(), game.err());
        var early = CliTest.run("train", "--resume", run.toString(), "--encoder", "conv", "--steps", "5",
                "--threads", "1", "--no-density", "--out", run.toString());
        assertEquals(1, early.code());
        assertTrue(early.err().contains("a new conv encoder trains only while E trains alone"), early.err());
        var phase = CliTest.run("train", "--resume", run.toString(), "--encoder", "conv", "--encoder-only-from", "3",
                "--encoder-prior", "5", "--steps", "5", "--limit", "256", "--threads", "1", "--no-density", "--out",
                run.toString());
        assertEquals(0, phase.code(), phase.err());
        var manifest = Checkpoints.readManifest(run);
        assertEquals(5, manifest.step());
        assertEquals(Architecture.CONV, manifest.model().encoder());
        assertEquals(3, manifest.train().encoderOnlyFrom());
    }

    @Test
    void anEncoderThatCannotBeBuiltIsAUsageError() {
        var mlpForConv = CliTest.run("train", "--arch", "conv", "--encoder", "mlp", "--steps", "2", "--out",
                dir.resolve("a").toString());
        assertEquals(2, mlpForConv.code());
        assertTrue(mlpForConv.err().contains("A conv model's encoder is conv too"), mlpForConv.err());
        var unknown = CliTest.run("train", "--encoder", "rnn", "--steps", "2", "--out", dir.resolve("b").toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("--encoder must be mlp or conv, not 'rnn'"), unknown.err());
    }
}
