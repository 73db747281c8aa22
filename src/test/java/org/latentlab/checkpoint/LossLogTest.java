package org.latentlab.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.train.LossPoint;
import org.latentlab.train.ReconstructionPoint;
import org.latentlab.train.RunHistory;

/** A run's loss history ({@link LossLog}): read from a run or its checkpoints, carried over on resume. */
class LossLogTest {
    @TempDir Path dir;

    private static LossPoint at(long step) {
        return new LossPoint(step, 1.4f, 0.7f, step / 100f, 0.6f, 0.4f);
    }

    @Test
    void aCheckpointReadsItsRunsHistoryUpToItsStepSkippingWhatDoesNotRead() throws Exception {
        Path run = dir.resolve("run");
        Files.createDirectories(run.resolve("step-00000200"));
        for (long s : new long[] {100, 200, 300}) {
            LossLog.append(run, at(s));
        }
        // a PyTorch run's line, then one cut short by a crash and one that is not JSON
        Files.writeString(run.resolve(LossLog.FILE), Files.readString(run.resolve(LossLog.FILE))
                .replace("{\"step\":300", "{\"step\": 250, \"lossD\": 1.0, \"lossGE\": 2.0, \"lossCycle\": 0.5, "
                        + "\"dReal\": 0.5, \"dFake\": 0.5}\n{\"step\":300") + "{\"step\":400,\"lo\nnot json\n");
        assertEquals(List.of(at(100), at(200)), LossLog.read(run.resolve("step-00000200"), 200));
        List<LossPoint> all = LossLog.read(run, Long.MAX_VALUE);
        assertEquals(List.of(100L, 200L, 250L, 300L), all.stream().map(LossPoint::step).toList());
        assertEquals(2.0f, all.get(2).lossGE(), "the PyTorch trainer's line");
        assertTrue(LossLog.read(dir.resolve("no-run"), 1000).isEmpty());
        try (var huge = new RandomAccessFile(run.resolve(LossLog.FILE).toFile(), "rw")) {
            huge.setLength(LossLog.MAX_BYTES + 1); // sparse: no time to write
        }
        assertTrue(LossLog.read(run, Long.MAX_VALUE).isEmpty(), "a history too long to read is left out");
    }

    /**
     * Resumed from step 200: in its own folder the steps after 200 go (they are trained again); in
     * a new folder the history up to 200 comes along.
     */
    @Test
    void aResumedRunsHistoryGoesOnFromItsCheckpoint() throws Exception {
        Path run = dir.resolve("run");
        Path checkpoint = run.resolve("step-00000200");
        Files.createDirectories(checkpoint);
        Files.writeString(checkpoint.resolve(Checkpoints.MANIFEST), "{}");
        for (long s : new long[] {100, 200, 300}) {
            LossLog.append(run, at(s));
        }
        LossLog.carryOver(checkpoint, 200, dir.resolve("elsewhere"));
        assertEquals(List.of(at(100), at(200)), LossLog.read(dir.resolve("elsewhere"), Long.MAX_VALUE));
        LossLog.carryOver(checkpoint, 200, run);
        assertEquals(List.of(at(100), at(200)), LossLog.read(run, Long.MAX_VALUE));
        LossLog.append(run, at(250));
        assertEquals(3, LossLog.read(run, Long.MAX_VALUE).size());
    }

    /**
     * The reconstruction error has a file of its own: read from a checkpoint up to its step, and
     * carried over on resume like the losses; the losses' readers never see its lines.
     */
    @Test
    void aRunsReconstructionErrorsAreReadAndCarriedOverBesideItsLosses() throws Exception {
        Path run = dir.resolve("run");
        Path checkpoint = run.resolve("step-00000200");
        Files.createDirectories(checkpoint);
        LossLog.append(run, at(100));
        for (long s : new long[] {100, 200, 300}) {
            LossLog.append(run, new ReconstructionPoint(s, s / 1000f));
        }
        LossLog.append(run, new ReconstructionPoint(200, 9f)); // a resumed run's first grid, again at its step
        RunHistory h = LossLog.history(checkpoint, 200);
        assertEquals(List.of(at(100)), h.losses(), "the losses alone");
        assertEquals(List.of(new ReconstructionPoint(100, 0.1f), new ReconstructionPoint(200, 0.2f)),
                h.reconstructions());
        LossLog.carryOver(checkpoint, 200, dir.resolve("elsewhere"));
        assertEquals(h, LossLog.history(dir.resolve("elsewhere"), Long.MAX_VALUE));
        assertEquals(3, LossLog.history(run, Long.MAX_VALUE).reconstructions().size(), "step 200 counted once");
    }
}
