package org.latentlab.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.latentlab.data.DataDescription;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.CheckpointSink;
import org.latentlab.train.LossPoint;
import org.latentlab.train.ReconstructionPoint;

/**
 * A training run's output folder: one checkpoint folder per save ({@code step-00001000}), a
 * {@code latest} file naming the newest, and only the newest {@code keep} of the run kept.
 *
 * <p>A folder holds one run. A fresh run refuses a folder that holds checkpoints (it would mix
 * two runs, and pruning by step number once deleted each new checkpoint of a run whose
 * neighbour had reached higher steps); a resumed run may write into the folder of the run it
 * continues. Pruning removes only checkpoints of earlier steps than the one just written, so
 * {@code latest} always names a checkpoint that exists.
 */
public final class CheckpointStore implements CheckpointSink {
    public static final String LATEST = "latest";
    private static final Pattern STEP = Pattern.compile("step-(\\d{8})");
    private final Path dir;
    private final int keep;

    private CheckpointStore(Path dir, int keep) throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        this.keep = Math.max(1, keep);
        CheckpointFiles.removeStaleTemporaries(this.dir);
    }

    /** The store of a fresh run: {@code dir} must be empty of checkpoints. */
    public static CheckpointStore forNewRun(Path dir, int keep) throws IOException {
        if (holdsRun(dir)) {
            throw new CheckpointException(dir, "this folder already holds a training run. Choose an empty folder for a"
                    + " new run, or continue that run with --resume " + dir);
        }
        return new CheckpointStore(dir, keep);
    }

    /** The store of a run resumed from {@code from}: {@code dir} is empty or the folder of that run. */
    public static CheckpointStore forResumedRun(Path dir, Path from, int keep) throws IOException {
        Path own = Checkpoints.resolve(from).toAbsolutePath().normalize();
        Path target = dir.toAbsolutePath().normalize();
        if (holdsRun(dir) && !own.equals(target) && !target.equals(own.getParent())) {
            throw new CheckpointException(dir, "this folder holds another training run. Resume into the folder of the"
                    + " run you continue (" + own.getParent() + ") or into an empty folder");
        }
        LossLog.carryOver(own, Checkpoints.readManifest(own).step(), target);
        return new CheckpointStore(dir, keep);
    }

    /** {@code dir} if it holds no run, else the first of {@code dir-2}, {@code dir-3}, … that holds none. */
    public static Path freeFolder(Path dir) {
        Path candidate = dir;
        for (int i = 2; holdsRun(candidate); i++) {
            candidate = dir.resolveSibling(dir.getFileName() + "-" + i);
        }
        return candidate;
    }

    /** Whether {@code dir} holds checkpoints of a run (a {@code latest} file or a step folder). */
    public static boolean holdsRun(Path dir) {
        if (Files.exists(dir.resolve(LATEST))) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> STEP.matcher(p.getFileName().toString()).matches());
        } catch (IOException e) {
            return false; // no folder yet, or not a folder: nothing to mix with
        }
    }

    /** The checkpoint folders of run folder {@code run} (those with a manifest), oldest step first. */
    public static List<Path> checkpointsOf(Path run) {
        try (Stream<Path> s = Files.list(run)) {
            return s.filter(p -> STEP.matcher(p.getFileName().toString()).matches()
                    && Files.isRegularFile(p.resolve(Checkpoints.MANIFEST))).sorted().toList();
        } catch (IOException e) {
            return List.of(); // not a folder (a model alone): no run to compare within
        }
    }

    /** A store for the same run in another folder (the first free one at or beside {@code other}), same pruning. */
    @Override
    public CheckpointStore elsewhere(Path other) throws IOException {
        return forNewRun(freeFolder(other), keep);
    }

    @Override
    public Path dir() {
        return dir;
    }

    @Override
    public Path save(BiGanTrainer trainer, DataDescription data, String command) throws IOException {
        return save(trainer, data, command, Map.of());
    }

    public Path save(BiGanTrainer trainer, DataDescription data, String command, Map<String,
            Double> metrics) throws IOException {
        Files.createDirectories(dir);
        String name = String.format("step-%08d", trainer.step());
        Checkpoints.save(trainer, dir.resolve(name), data, command, metrics);
        CheckpointFiles.replaceDurably(dir.resolve(LATEST), (name + "\n").getBytes(StandardCharsets.UTF_8));
        prune(trainer.step());
        return dir.resolve(name);
    }

    @Override
    public boolean recordLosses(LossPoint point) {
        return recorded(() -> LossLog.append(dir, point));
    }

    @Override
    public boolean recordReconstruction(ReconstructionPoint point) {
        return recorded(() -> LossLog.append(dir, point));
    }

    /** Runs one write of the run's history; false when it failed (the run goes on). */
    private boolean recorded(HistoryWrite write) {
        try {
            Files.createDirectories(dir);
            write.run();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private interface HistoryWrite {
        void run() throws IOException;
    }

    @Override
    public Path saveCopy(BiGanTrainer trainer, DataDescription data, String command, Path target) throws IOException {
        Checkpoints.requireReplaceable(target);
        Checkpoints.save(trainer, target, data, command, Map.of());
        return target;
    }

    /** Deletes the run's checkpoints of earlier steps beyond the newest {@code keep}; later steps are left alone. */
    private void prune(long current) throws IOException {
        List<Path> earlier = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                var m = STEP.matcher(p.getFileName().toString());
                if (m.matches() && Long.parseLong(m.group(1)) < current && Files.isDirectory(p)) {
                    earlier.add(p);
                }
            }
        }
        for (int i = 0; i < earlier.size() - (keep - 1); i++) {
            CheckpointFiles.deleteTree(earlier.get(i));
        }
    }
}
