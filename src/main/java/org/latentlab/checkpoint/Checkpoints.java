package org.latentlab.checkpoint;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.data.DataDescription;
import org.latentlab.model.BiGan;
import org.latentlab.train.BiGanTrainer;

/**
 * Checkpoint folders: manifest.json plus the weights of G, E, D and the optimizer state (and D's
 * power-iteration vectors where D is spectrally normalised). Where the recipe averages G's weights,
 * generator.params holds the average (the G everything samples) and generator-training.params G's
 * own weights, which only a resumed run reads. Saving
 * writes a temporary sibling folder and renames it into place, so a crash mid-save leaves the
 * previous checkpoint intact. Loading checks the manifest, every file's SHA-256 and every
 * parameter's shape, because DJL itself loads mismatched weights silently.
 */
public final class Checkpoints {
    public static final String MANIFEST = "manifest.json";
    static final String GENERATOR = "generator.params";
    /** G's own weights where the sampled G is their moving average (resume state, like Adam's). */
    static final String TRAINING_GENERATOR = "generator-training.params";
    static final String ENCODER = "encoder.params";
    static final String DISCRIMINATOR = "discriminator.params";
    static final String OPTIMIZER = "optimizer.params";
    /** A manifest is a few kilobytes; a bigger one is not a manifest. */
    static final long MAX_MANIFEST_BYTES = 1 << 20;
    static final int MAX_LATEST_HOPS = 4;

    private Checkpoints() {}

    /** Writes a checkpoint of the trainer's state to {@code target}, replacing any checkpoint there. */
    public static CheckpointManifest save(BiGanTrainer trainer, Path target, DataDescription data, String command,
            Map<String, Double> metrics) throws IOException {
        return save(trainer, target, data, command, metrics, true, () -> {});
    }

    /**
     * Writes G, E and D without the optimizer state: a third of the size, for shipping a model.
     * Training resumed from it starts Adam's moments afresh.
     */
    public static CheckpointManifest export(Path source, Path target) throws IOException {
        return export(source, target, null);
    }

    /** As {@link #export(Path, Path)}, recording {@code data} (null: the source's) as the model's data. */
    public static CheckpointManifest export(Path source, Path target, DataDescription data) throws IOException {
        CheckpointManifest m = readManifest(source);
        var density = LatentDensityFile.read(source); // before the save, which may replace source itself
        try (NDManager manager = NDManager.newBaseManager();
                BiGanTrainer t = CheckpointLoader.loadTrainer(source, manager)) {
            save(t, target, data != null ? data : m.dataDescription(), m.command(), m.metrics(), false, () -> {});
        }
        if (density != null) {
            LatentDensityFile.attach(target, density);
        }
        return readManifest(target);
    }

    /** As {@link #save}, with a hook run after the files are written and before they are committed (tests). */
    static CheckpointManifest save(BiGanTrainer trainer, Path target, DataDescription data, String command,
            Map<String, Double> metrics, Runnable beforeCommit) throws IOException {
        return save(trainer, target, data, command, metrics, true, beforeCommit);
    }

    private static CheckpointManifest save(BiGanTrainer trainer, Path target, DataDescription data, String command,
            Map<String, Double> metrics, boolean withOptimizer, Runnable beforeCommit) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            BiGan model = trainer.model();
            Map<String, String> hashes = new LinkedHashMap<>();
            hashes.put(GENERATOR, trainer.withSamplingGenerator(() -> CheckpointFiles.writeDurably(tmp, GENERATOR,
                    model.generator()::saveParameters)));
            if (withOptimizer && trainer.keepsTrainingGenerator()) {
                hashes.put(TRAINING_GENERATOR, CheckpointFiles.writeDurably(tmp, TRAINING_GENERATOR,
                        model.generator()::saveParameters));
            }
            hashes.put(ENCODER, CheckpointFiles.writeDurably(tmp, ENCODER, model.encoder()::saveParameters));
            hashes.put(DISCRIMINATOR, CheckpointFiles.writeDurably(tmp, DISCRIMINATOR,
                    model.discriminator()::saveParameters));
            if (model.config().spectralNorm()) {
                hashes.put(SpectralNormFile.NAME, CheckpointFiles.writeDurably(tmp, SpectralNormFile.NAME,
                        out -> SpectralNormFile.write(out, model)));
            }
            if (withOptimizer) {
                hashes.put(OPTIMIZER, CheckpointFiles.writeDurably(tmp, OPTIMIZER,
                        out -> optimizerState(trainer).encode(out)));
            }
            var mc = model.config();
            CheckpointManifest manifest = new CheckpointManifest(CheckpointManifest.FORMAT, CheckpointManifest.VERSION,
                    mc, trainer.config(), trainer.step(), data.source(), new int[] {mc.channels(), mc.imageSize(),
                            mc.imageSize()},
                    metrics == null ? Map.of() : metrics, command, hashes,
                    new long[] {trainer.dOptimizer().updates(), trainer.geOptimizer().updates()},
                            Instant.now().toString(), data);
            byte[] json = Json.GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8);
            CheckpointFiles.writeDurably(tmp, MANIFEST, out -> out.write(json));
            beforeCommit.run();
            CheckpointFiles.commit(tmp, target);
            return manifest;
        } finally {
            CheckpointFiles.deleteTree(tmp);
        }
    }

    /** Rewrites only the manifest (for example to add metrics), atomically with the folder. */
    public static void rewriteManifest(Path dir, CheckpointManifest manifest) throws IOException {
        replaceFiles(dir, manifest, Map.of());
    }

    /**
     * Replaces a checkpoint folder by one with {@code manifest} and the {@code added} files, the
     * other files it lists, and whatever else the folder holds (a run's loss history, a classifier
     * of its data, the user's files), carried over as hard links (copies where links are not
     * possible). The new folder is complete on disk before it takes the old one's place
     * ({@link CheckpointFiles#commit}), so a crash or a full disk at any moment leaves the old
     * checkpoint or the new one, never a manifest that disagrees with its files.
     */
    static void replaceFiles(Path checkpoint, CheckpointManifest manifest, Map<String, CheckpointFiles.Content> added)
            throws IOException {
        Path dir = resolve(checkpoint).toAbsolutePath();
        Path tmp = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".tmp-");
        try {
            for (String f : manifest.files().keySet()) {
                if (!added.containsKey(f)) {
                    linkOrCopy(dir.resolve(f), tmp.resolve(f));
                }
            }
            try (var entries = Files.list(dir)) {
                for (Path p : entries.toList()) {
                    String name = p.getFileName().toString();
                    if (!name.equals(MANIFEST) && !name.startsWith(".") && !added.containsKey(name)
                            && !manifest.files().containsKey(name)) {
                        CheckpointFiles.linkTree(p, tmp.resolve(name));
                    }
                }
            }
            for (var e : added.entrySet()) {
                CheckpointFiles.writeDurably(tmp, e.getKey(), e.getValue());
            }
            byte[] json = Json.GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8);
            CheckpointFiles.writeDurably(tmp, MANIFEST, out -> out.write(json));
            CheckpointFiles.commit(tmp, dir);
        } finally {
            CheckpointFiles.deleteTree(tmp);
        }
    }

    private static void linkOrCopy(Path from, Path to) throws IOException {
        CheckpointFiles.requireRegular(from, CheckpointFiles.MAX_FILE_BYTES);
        CheckpointFiles.linkTree(from, to);
    }

    /**
     * Refuses a target a checkpoint must not replace: one that exists and is neither an empty
     * folder nor a checkpoint (saving there would replace, for example, the user's documents).
     */
    public static void requireReplaceable(Path target) throws IOException {
        if (!Files.exists(target) || Files.isRegularFile(target.resolve(MANIFEST))) {
            return;
        }
        boolean empty;
        try (var entries = Files.list(target)) {
            empty = entries.findAny().isEmpty();
        } catch (NotDirectoryException e) {
            empty = false;
        }
        if (!empty) {
            throw new CheckpointException(target, "it already exists and is not a checkpoint; choose a new name");
        }
    }

    /**
     * Copies a checkpoint folder to {@code target} (verified first, committed atomically): the
     * manifest and the files it lists, nothing else in the folder.
     */
    public static void copy(Path source, Path target) throws IOException {
        Path from = resolve(source);
        CheckpointManifest m = readManifest(from);
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            for (String f : m.files().keySet()) {
                byte[] bytes = CheckpointLoader.verifiedBytes(from, m, f);
                CheckpointFiles.writeDurably(tmp, f, out -> out.write(bytes));
            }
            byte[] manifest = CheckpointFiles.readAll(from.resolve(MANIFEST), MAX_MANIFEST_BYTES);
            CheckpointFiles.writeDurably(tmp, MANIFEST, out -> out.write(manifest));
            CheckpointFiles.commit(tmp, target);
        } finally {
            CheckpointFiles.deleteTree(tmp);
        }
    }

    /**
     * The checkpoint folder that {@code path} names: the folder itself, the one its {@code latest}
     * file names, or one left by an interrupted save. {@code latest} must hold a plain folder name,
     * and at most {@link #MAX_LATEST_HOPS} of them are followed (a run folder inside a run folder),
     * so an empty or looping {@code latest} is an error, not a crash.
     */
    public static Path resolve(Path path) throws CheckpointException {
        return resolve(path, MANIFEST);
    }

    /**
     * As {@link #resolve(Path)} for run folders of another kind (the PyTorch trainer's): a
     * checkpoint folder is one that holds {@code marker}.
     */
    public static Path resolve(Path path, String marker) throws CheckpointException {
        Path p = path;
        for (int hop = 0; hop <= MAX_LATEST_HOPS; hop++) {
            if (Files.isRegularFile(p.resolve(marker))) {
                return p;
            }
            Path latest = p.resolve(CheckpointStore.LATEST);
            if (!Files.isRegularFile(latest)) {
                Path previous = CheckpointFiles.previousOf(p);
                if (!Files.exists(p) && Files.isRegularFile(previous.resolve(marker))) {
                    return previous;
                }
                throw new CheckpointException(p,
                        Files.isDirectory(p) ? "no " + marker + " in this folder" : "folder not found");
            }
            String name;
            try {
                name = new String(CheckpointFiles.readAll(latest, 4096), StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new CheckpointException(p, "cannot read " + CheckpointStore.LATEST + " (" + e.getMessage() + ")",
                        e);
            }
            if (!CheckpointFiles.isPlainName(name)) {
                throw new CheckpointException(p, CheckpointStore.LATEST + (name.isEmpty() ? " is empty"
                        : " does not name a checkpoint folder in this folder"));
            }
            p = p.resolve(name);
        }
        throw new CheckpointException(path, CheckpointStore.LATEST + " files point at each other in a loop");
    }

    public static CheckpointManifest readManifest(Path dir) throws CheckpointException {
        Path dirResolved = resolve(dir);
        CheckpointManifest m;
        try {
            String json = new String(CheckpointFiles.readAll(dirResolved.resolve(MANIFEST), MAX_MANIFEST_BYTES),
                    StandardCharsets.UTF_8);
            m = Json.GSON.fromJson(json, CheckpointManifest.class);
        } catch (IOException | RuntimeException e) {
            // Gson wraps a record's refusal (a learning rate of NaN, an image size of 0) in a plain
            // RuntimeException: found by InputFuzzTest. The refusal's own words are the useful part.
            Throwable why = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new CheckpointException(dirResolved, "manifest.json is unreadable (" + why.getMessage() + ")");
        }
        if (m == null || !CheckpointManifest.FORMAT.equals(m.format())) {
            throw new CheckpointException(dirResolved, "manifest.json is not a Latent Lab checkpoint");
        }
        if (m.version() != CheckpointManifest.VERSION) {
            throw new CheckpointException(dirResolved, "format version " + m.version() + " is not supported (expected "
                    + CheckpointManifest.VERSION + ")");
        }
        if (m.model() == null || m.train() == null || m.files() == null) {
            throw new CheckpointException(dirResolved, "manifest.json lacks the model, training or file description");
        }
        for (String f : m.files().keySet()) {
            if (!CheckpointFiles.isPlainName(f) || f.equals(MANIFEST)) {
                throw new CheckpointException(dirResolved,
                        "manifest.json lists a file that is not a plain name in its folder: "
                        + (f == null ? "null" : f.length() > 60 ? f.substring(0, 60) + "…" : f));
            }
        }
        return m;
    }

    private static NDList optimizerState(BiGanTrainer trainer) {
        NDList all = new NDList();
        all.addAll(trainer.dOptimizer().state());
        all.addAll(trainer.geOptimizer().state());
        return all;
    }
}
