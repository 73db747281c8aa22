package org.latentlab.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A training run's output folder: one checkpoint folder per save ({@code step-00001000}), a
 * {@code latest} file naming the newest, and only the newest {@code keep} kept.
 */
public final class CheckpointStore {
    public static final String LATEST = "latest";
    private final Path dir;
    private final int keep;

    public CheckpointStore(Path dir, int keep) {
        this.dir = dir;
        this.keep = Math.max(1, keep);
    }

    public Path dir() {
        return dir;
    }

    public Path save(BiGanTrainer trainer, String dataset, String command, Map<String, Double> metrics) throws IOException {
        Files.createDirectories(dir);
        String name = String.format("step-%08d", trainer.step());
        Checkpoints.save(trainer, dir.resolve(name), dataset, command, metrics);
        Path tmp = Files.createTempFile(dir, ".latest", ".tmp");
        Files.writeString(tmp, name + "\n");
        Files.move(tmp, dir.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        prune();
        return dir.resolve(name);
    }

    private void prune() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            var old = s.filter(p -> p.getFileName().toString().matches("step-\\d{8}") && Files.isDirectory(p))
                    .sorted().toList();
            for (int i = 0; i < old.size() - keep; i++) {
                CheckpointFiles.deleteTree(old.get(i));
            }
        }
    }
}
