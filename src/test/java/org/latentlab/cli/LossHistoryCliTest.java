package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.checkpoint.LossLog;
import org.latentlab.train.LossPoint;

/** A run's loss history as the command line keeps it: one point a progress line, continued on resume. */
class LossHistoryCliTest {
    @TempDir Path dir;

    @Test
    void aRunKeepsItsLossesAndAResumedRunGoesOnFromItsCheckpoint() {
        Path run = dir.resolve("run");
        train("--data", "mnist", "--zdim", "8", "--hidden", "32", "--steps", "20", "--log-every", "10", "--out", run);
        assertEquals(List.of(10L, 20L), steps(run));
        train("--resume", run, "--steps", "30", "--log-every", "10", "--out", run);
        assertEquals(List.of(10L, 20L, 30L), steps(run), "the history goes on");
        train("--resume", run.resolve("step-00000020"), "--steps", "30", "--log-every", "5", "--out", run);
        assertEquals(List.of(10L, 20L, 25L, 30L), steps(run), "resumed from step 20: the steps after it are the new "
                + "run's");
    }

    private static void train(Object... args) {
        List<String> all = new ArrayList<>(List.of("train", "--limit", "256", "--batch", "32", "--threads",
                "1", "--no-density"));
        for (Object a : args) {
            all.add(a.toString());
        }
        CliTest.Run r = CliTest.run(all.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
    }

    private static List<Long> steps(Path run) {
        return LossLog.read(run, Long.MAX_VALUE).stream().map(LossPoint::step).toList();
    }
}
