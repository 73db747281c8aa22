package org.latentlab.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.JsonParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.model.BiGan;

/**
 * Checkpoint folders: manifest.json plus the weights of G, E, D and the optimizer state. Saving
 * writes a temporary sibling folder and renames it into place, so a crash mid-save leaves the
 * previous checkpoint intact. Loading checks the manifest, every file's SHA-256 and every
 * parameter's shape, because DJL itself loads mismatched weights silently.
 */
public final class Checkpoints {
    public static final String MANIFEST = "manifest.json";
    static final String GENERATOR = "generator.params";
    static final String ENCODER = "encoder.params";
    static final String DISCRIMINATOR = "discriminator.params";
    static final String OPTIMIZER = "optimizer.params";

    private Checkpoints() {}

    /** Writes a checkpoint of the trainer's state to {@code target}, replacing any checkpoint there. */
    public static CheckpointManifest save(BiGanTrainer trainer, Path target, String dataset, String command,
            Map<String, Double> metrics) throws IOException {
        return save(trainer, target, dataset, command, metrics, true, () -> {});
    }

    /**
     * Writes G, E and D without the optimizer state: a third of the size, for shipping a model.
     * Training resumed from it starts Adam's moments afresh.
     */
    public static CheckpointManifest export(Path source, Path target) throws IOException {
        CheckpointManifest m = readManifest(source);
        try (NDManager manager = NDManager.newBaseManager(); BiGanTrainer t = loadTrainer(source, manager)) {
            save(t, target, m.dataset(), m.command(), m.metrics(), false, () -> {});
        }
        var density = LatentDensityFile.read(source);
        if (density != null) {
            LatentDensityFile.attach(target, density);
        }
        return readManifest(target);
    }

    /** As {@link #save}, with a hook run after the files are written and before they are committed (tests). */
    static CheckpointManifest save(BiGanTrainer trainer, Path target, String dataset, String command,
            Map<String, Double> metrics, Runnable beforeCommit) throws IOException {
        return save(trainer, target, dataset, command, metrics, true, beforeCommit);
    }

    private static CheckpointManifest save(BiGanTrainer trainer, Path target, String dataset, String command,
            Map<String, Double> metrics, boolean withOptimizer, Runnable beforeCommit) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            BiGan model = trainer.model();
            Map<String, String> hashes = new LinkedHashMap<>();
            hashes.put(GENERATOR, CheckpointFiles.writeDurably(tmp, GENERATOR, model.generator()::saveParameters));
            hashes.put(ENCODER, CheckpointFiles.writeDurably(tmp, ENCODER, model.encoder()::saveParameters));
            hashes.put(DISCRIMINATOR, CheckpointFiles.writeDurably(tmp, DISCRIMINATOR, model.discriminator()::saveParameters));
            if (withOptimizer) {
                hashes.put(OPTIMIZER, CheckpointFiles.writeDurably(tmp, OPTIMIZER, out -> optimizerState(trainer).encode(out)));
            }
            var mc = model.config();
            CheckpointManifest manifest = new CheckpointManifest(CheckpointManifest.FORMAT, CheckpointManifest.VERSION,
                    mc, trainer.config(), trainer.step(), dataset, new int[] {mc.channels(), mc.imageSize(), mc.imageSize()},
                    metrics == null ? Map.of() : metrics, command, hashes,
                    new long[] {trainer.dOptimizer().updates(), trainer.geOptimizer().updates()}, Instant.now().toString());
            byte[] json = Json.GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8);
            CheckpointFiles.writeDurably(tmp, MANIFEST, out -> out.write(json));
            beforeCommit.run();
            CheckpointFiles.commit(tmp, target);
            return manifest;
        } finally {
            CheckpointFiles.deleteTree(tmp);
        }
    }

    /** Rewrites only the manifest (for example to add metrics), atomically. */
    public static void rewriteManifest(Path dir, CheckpointManifest manifest) throws IOException {
        Path tmp = dir.resolve("." + MANIFEST + ".tmp");
        Files.deleteIfExists(tmp); // left by an earlier crash
        Files.writeString(tmp, Json.GSON.toJson(manifest));
        Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Copies a checkpoint folder to {@code target} (verified first, committed atomically). */
    public static void copy(Path source, Path target) throws IOException {
        Path from = resolve(source);
        CheckpointManifest m = readManifest(from);
        for (String f : m.files().keySet()) {
            verifiedBytes(from, m, f);
        }
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            try (var files = Files.list(from)) {
                for (Path f : files.toList()) {
                    Files.copy(f, tmp.resolve(f.getFileName()));
                }
            }
            CheckpointFiles.commit(tmp, target);
        } finally {
            CheckpointFiles.deleteTree(tmp);
        }
    }

    /** The checkpoint folder that {@code path} names: the folder itself, or one left by an interrupted save. */
    public static Path resolve(Path path) throws CheckpointException {
        if (Files.isRegularFile(path.resolve(MANIFEST))) {
            return path;
        }
        Path latest = path.resolve(CheckpointStore.LATEST);
        if (Files.isRegularFile(latest)) {
            try {
                return resolve(path.resolve(Files.readString(latest).trim()));
            } catch (IOException e) {
                throw new CheckpointException(path, "cannot read " + CheckpointStore.LATEST, e);
            }
        }
        Path previous = CheckpointFiles.previousOf(path);
        if (!Files.exists(path) && Files.isRegularFile(previous.resolve(MANIFEST))) {
            return previous;
        }
        throw new CheckpointException(path, Files.isDirectory(path) ? "no manifest.json in this folder" : "folder not found");
    }

    public static CheckpointManifest readManifest(Path dir) throws CheckpointException {
        Path dirResolved = resolve(dir);
        CheckpointManifest m;
        try {
            m = Json.GSON.fromJson(Files.readString(dirResolved.resolve(MANIFEST)), CheckpointManifest.class);
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            throw new CheckpointException(dirResolved, "manifest.json is unreadable (" + e.getMessage() + ")");
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
        return m;
    }

    /** Loads the networks of a checkpoint into a new {@link BiGan} owned by a sub-manager of {@code manager}. */
    public static BiGan loadModel(Path dir, NDManager manager) throws CheckpointException {
        Path resolved = resolve(dir);
        CheckpointManifest m = readManifest(resolved);
        BiGan model;
        try {
            model = new BiGan(m.model(), manager);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(resolved, "its architecture is invalid (" + e.getMessage() + ")");
        }
        try {
            loadBlock(resolved, m, GENERATOR, model.generator(), model);
            loadBlock(resolved, m, ENCODER, model.encoder(), model);
            loadBlock(resolved, m, DISCRIMINATOR, model.discriminator(), model);
            model.refreshStore();
            return model;
        } catch (CheckpointException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Loads a checkpoint into a trainer ready to continue exactly where the checkpoint stopped. */
    public static BiGanTrainer loadTrainer(Path dir, NDManager manager) throws CheckpointException {
        Path resolved = resolve(dir);
        CheckpointManifest m = readManifest(resolved);
        BiGan model = loadModel(resolved, manager);
        BiGanTrainer trainer = new BiGanTrainer(model, m.train());
        trainer.restoreStep(m.step());
        if (!m.files().containsKey(OPTIMIZER)) {
            return trainer; // an exported model: Adam starts afresh
        }
        try {
            byte[] bytes = verifiedBytes(resolved, m, OPTIMIZER);
            try (NDManager tmp = manager.newSubManager()) {
                NDList state = NDList.decode(tmp, bytes);
                int nd = trainer.dOptimizer().parameters().size() * 2;
                trainer.dOptimizer().restore(new NDList(state.subList(0, nd)), m.optimizerUpdates()[0]);
                trainer.geOptimizer().restore(new NDList(state.subList(nd, state.size())), m.optimizerUpdates()[1]);
            }
            trainer.restoreStep(m.step());
            return trainer;
        } catch (IllegalArgumentException | IndexOutOfBoundsException | NullPointerException e) {
            trainer.close();
            model.close();
            throw new CheckpointException(resolved, "optimizer state does not match the model (" + e.getMessage() + ")");
        }
    }

    private static void loadBlock(Path dir, CheckpointManifest m, String file, Block block, BiGan model)
            throws CheckpointException {
        Map<String, Shape> expected = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            expected.put(p.getKey(), p.getValue().getArray().getShape());
        }
        byte[] bytes = verifiedBytes(dir, m, file);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            block.loadParameters(model.manager(), in);
            if (in.read() != -1) {
                throw new CheckpointException(dir, file + " has unexpected bytes after the weights");
            }
        } catch (EOFException e) {
            throw new CheckpointException(dir, file + " is truncated");
        } catch (IOException | MalformedModelException | IllegalArgumentException | IllegalStateException e) {
            throw new CheckpointException(dir, file + " is malformed (" + e.getMessage() + ")");
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            Shape actual = p.getValue().getArray().getShape();
            if (!actual.equals(expected.get(p.getKey()))) {
                throw new CheckpointException(dir, file + ": parameter " + p.getKey() + " has shape " + actual
                        + " but the manifest's architecture needs " + expected.get(p.getKey()));
            }
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true); // loaded arrays carry no gradient
            }
        }
    }

    static byte[] verifiedBytes(Path dir, CheckpointManifest m, String file) throws CheckpointException {
        String expected = m.files().get(file);
        if (expected == null) {
            throw new CheckpointException(dir, "manifest.json does not list " + file);
        }
        byte[] bytes;
        try {
            bytes = CheckpointFiles.readAll(dir.resolve(file));
        } catch (IOException e) {
            throw new CheckpointException(dir, file + " is missing or unreadable");
        }
        if (!expected.equalsIgnoreCase(CheckpointFiles.sha256(bytes))) {
            throw new CheckpointException(dir, file + " is corrupted or truncated (its SHA-256 does not match the manifest)");
        }
        return bytes;
    }

    public static byte[] weightsOf(Block block) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        }
        return bytes.toByteArray();
    }

    private static NDList optimizerState(BiGanTrainer trainer) {
        NDList all = new NDList();
        all.addAll(trainer.dOptimizer().state());
        all.addAll(trainer.geOptimizer().state());
        return all;
    }

    /** Names of the weight files, for tests that damage them. */
    static List<String> weightFiles() {
        return List.of(GENERATOR, ENCODER, DISCRIMINATOR, OPTIMIZER);
    }
}
