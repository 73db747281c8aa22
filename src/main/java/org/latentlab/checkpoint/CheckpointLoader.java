package org.latentlab.checkpoint;

import static org.latentlab.checkpoint.Checkpoints.DISCRIMINATOR;
import static org.latentlab.checkpoint.Checkpoints.ENCODER;
import static org.latentlab.checkpoint.Checkpoints.GENERATOR;
import static org.latentlab.checkpoint.Checkpoints.OPTIMIZER;
import static org.latentlab.checkpoint.Checkpoints.TRAINING_GENERATOR;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.model.Architecture;
import org.latentlab.model.BiGan;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.TrainConfig;

/**
 * Loads checkpoints: every file checked against the manifest's SHA-256 and every parameter's
 * shape against the manifest's architecture, so a damaged or mismatched checkpoint is a clear
 * {@link CheckpointException}, never a silently wrong model.
 */
public final class CheckpointLoader {
    private CheckpointLoader() {}

    /** Loads the networks of a checkpoint into a new {@link BiGan} owned by a sub-manager of {@code manager}. */
    public static BiGan loadModel(Path dir, NDManager manager) throws CheckpointException {
        Path resolved = Checkpoints.resolve(dir);
        CheckpointManifest m = Checkpoints.readManifest(resolved);
        BiGan model;
        try {
            model = new BiGan(m.model(), manager);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(resolved, "its architecture is invalid (" + e.getMessage() + ")");
        }
        return loadWeights(resolved, m, model, true);
    }

    /** Loads the checkpoint's G, D (and E, when {@code withEncoder}) into {@code model}, closed if that fails. */
    private static BiGan loadWeights(Path dir, CheckpointManifest m, BiGan model, boolean withEncoder)
            throws CheckpointException {
        try {
            loadBlock(dir, m, GENERATOR, model.generator(), model);
            if (withEncoder) {
                loadBlock(dir, m, ENCODER, model.encoder(), model);
            }
            loadBlock(dir, m, DISCRIMINATOR, model.discriminator(), model);
            model.refreshStore();
            loadSpectralVectors(dir, m, model);
            return model;
        } catch (CheckpointException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Loads a checkpoint into a trainer ready to continue exactly where the checkpoint stopped. */
    public static BiGanTrainer loadTrainer(Path dir, NDManager manager) throws CheckpointException {
        return loadTrainer(dir, manager, null);
    }

    /**
     * As {@link #loadTrainer(Path, NDManager)}, with E's phase in place of the checkpoint's where
     * {@code encoderPhase} says (null keeps it).
     */
    public static BiGanTrainer loadTrainer(Path dir, NDManager manager, TrainConfig.EncoderPhase encoderPhase)
            throws CheckpointException {
        Path resolved = Checkpoints.resolve(dir);
        CheckpointManifest m = Checkpoints.readManifest(resolved);
        TrainConfig train = encoderPhase == null ? m.train() : m.train().withEncoderPhase(encoderPhase);
        boolean newEncoder = encoderPhase != null && encoderPhase.encoder() != null
                && encoderPhase.encoder() != m.model().encoder();
        BiGan model = newEncoder ? withNewEncoder(resolved, m, manager, train, encoderPhase.encoder())
                : loadModel(resolved, manager);
        BiGanTrainer trainer = new BiGanTrainer(model, train);
        trainer.restoreStep(m.step());
        try {
            trainer.restoreGenerator(m.files().containsKey(TRAINING_GENERATOR) ? () -> {
                // G's sampled weights, loaded first, stay with the model until it closes (one G's size)
                loadBlock(resolved, m, TRAINING_GENERATOR, model.generator(), model);
                model.refreshStore();
                return null;
            } : null);
        } catch (CheckpointException | RuntimeException e) {
            trainer.close();
            model.close();
            throw e;
        }
        if (!m.files().containsKey(OPTIMIZER) || newEncoder) {
            return trainer; // an exported model, or a new E while G and D stand still: Adam starts afresh
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
            throw new CheckpointException(resolved,
                    "optimizer state does not match the model (" + e.getMessage() + ")");
        }
    }

    /**
     * The checkpoint's G and D with a new E of {@code kind}, initialised from the run's seed: E's
     * phase fits it to G from scratch. Only there, since the game would train G against an E
     * that has not learnt yet.
     */
    private static BiGan withNewEncoder(Path dir, CheckpointManifest m, NDManager manager, TrainConfig train,
            Architecture kind) throws CheckpointException {
        if (!train.encoderOnlyAt(m.step())) {
            throw new CheckpointException(dir, "a new " + kind.userName() + " encoder trains only"
                    + " while E trains alone: give the step E trains alone from, at most " + m.step());
        }
        BiGan model;
        try {
            model = BiGan.seeded(m.model().withEncoder(kind, 0), manager, train.seed());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(dir, "it cannot take that encoder (" + e.getMessage() + ")");
        }
        return loadWeights(dir, m, model, false);
    }

    private static void loadSpectralVectors(Path dir, CheckpointManifest m, BiGan model) throws CheckpointException {
        if (!m.files().containsKey(SpectralNormFile.NAME)) {
            return; // none yet, or D is not normalised: the power iteration starts afresh
        }
        byte[] bytes = verifiedBytes(dir, m, SpectralNormFile.NAME);
        try {
            SpectralNormFile.restore(bytes, model);
        } catch (IOException | IllegalArgumentException e) {
            throw new CheckpointException(dir, SpectralNormFile.NAME + " does not match the model (" + e.getMessage()
                    + ")");
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
            bytes = CheckpointFiles.readAll(dir.resolve(file), CheckpointFiles.MAX_FILE_BYTES);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(dir, file + " is missing");
        } catch (IOException e) {
            throw new CheckpointException(dir, file + " is unreadable (" + e.getMessage() + ")");
        }
        if (!expected.equalsIgnoreCase(CheckpointFiles.sha256(bytes))) {
            throw new CheckpointException(dir,
                    file + " is corrupted or truncated (its SHA-256 does not match the manifest)");
        }
        return bytes;
    }
}
