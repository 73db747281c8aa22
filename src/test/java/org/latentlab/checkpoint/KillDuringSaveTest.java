package org.latentlab.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.model.BiGan;
import org.latentlab.train.BiGanTrainer;

/**
 * Kills a real training process (SIGKILL, no shutdown hooks) at seeded random moments while it
 * saves a checkpoint after every step, {@link #KILLS} times in a row on one run folder. After each
 * kill the run's newest complete checkpoint loads (every file's hash and every shape checked),
 * {@code latest} names it, and the next process resumes from it. Seeded: a failure repeats.
 */
@Tag("slow")
class KillDuringSaveTest {
    static final int KILLS = 20;
    @TempDir Path dir;

    @Test
    void killedMidSaveTwentyTimesTheNewestCheckpointAlwaysLoads() throws Exception {
        Path run = dir.resolve("run");
        Random rng = new Random(20261201);
        long lastStep = 0;
        List<Long> steps = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            Process p = start(run);
            CountDownLatch saved = new CountDownLatch(1);
            Thread reader = new Thread(() -> readOutput(p, saved));
            reader.start();
            assertTrue(saved.await(60, TimeUnit.SECONDS), "the trainer saved no checkpoint within a minute");
            Thread.sleep(rng.nextInt(300)); // a checkpoint is written every few milliseconds: most moments are mid-save
            p.destroyForcibly(); // SIGKILL on Linux
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            reader.join(5_000);
            Path newest = Checkpoints.resolve(run);
            CheckpointManifest m = Checkpoints.readManifest(newest);
            assertTrue(m.step() >= lastStep,
                    "the newest checkpoint went back from step " + lastStep + " to " + m.step());
            try (NDManager manager = NDManager.newBaseManager(); BiGan model = CheckpointLoader.loadModel(newest,
                    manager)) {
                assertEquals(8, model.config().zdim());
            }
            try (NDManager manager = NDManager.newBaseManager(); BiGanTrainer t = CheckpointLoader.loadTrainer(newest,
                    manager)) {
                assertEquals(m.step(), t.step());
            }
            lastStep = m.step();
            steps.add(lastStep);
        }
        System.out.println("kill -9 during saves: " + KILLS + " kills, newest checkpoint loaded every time, steps "
                + steps);
    }

    private static Process start(Path run) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        var cmd = List.of(java, "--add-modules", "jdk.incubator.vector", "-Xmx512m", "-Dai.djl.offline=true",
                "-Dlatentlab.home=" + System.getProperty("latentlab.home", "."), "-cp",
                        System.getProperty("java.class.path"),
                CrashingTrainer.class.getName(), run.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    private static void readOutput(Process p, CountDownLatch saved) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("checkpoint ")) {
                    saved.countDown();
                }
            }
        } catch (IOException e) {
            // the process was killed
        }
    }
}
