package org.latentlab.session;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import org.latentlab.checkpoint.CheckpointLoader;
import org.latentlab.checkpoint.CheckpointStore;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.checkpoint.LatentDensityFile;
import org.latentlab.data.DataDescription;
import org.latentlab.data.DataSources;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.LoadProgress;
import org.latentlab.data.MnistDataset;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.model.BiGan;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.TrainConfig;
import org.latentlab.train.TrainingControl;
import org.latentlab.train.TrainingListener;
import org.latentlab.train.TrainingLoop;

/**
 * One training run, the same for the command line and the window: a fresh model (seeded) or one
 * resumed from a checkpoint, its data, its checkpoint folder, the loop, and the latent density
 * fitted at the end. {@code train} and the window's training thread are thin adapters over it.
 * The calling thread owns the model until {@link #close}.
 */
public final class TrainingSession implements AutoCloseable {
    /**
     * What to train.
     *
     * @param data the data set ('mnist', an IDX folder, an image folder); a resumed run uses its
     *     checkpoint's instead
     * @param model the networks of a fresh run (ignored when resuming)
     * @param train the recipe of a fresh run (ignored when resuming)
     * @param resumeFrom a checkpoint to continue, or null
     * @param outDir where checkpoints go
     * @param keep how many of the run's checkpoints to keep
     * @param moveIfTaken a fresh run whose folder holds another run goes to a free one beside it
     *     (the window) instead of being refused (the command line)
     * @param limit use only the first N training images, or null for all
     * @param encoderPhase when resuming, E's phase in place of the checkpoint's where it says (the
     *     one part of a recipe a resumed run may change: when the game ends and what E does after it,
     *     not what the game is); null keeps the checkpoint's
     */
    public record Plan(String data, ModelConfig model, TrainConfig train, Path resumeFrom, Path outDir, int keep,
            boolean moveIfTaken, Integer limit, TrainConfig.EncoderPhase encoderPhase) {
        public Plan(String data, ModelConfig model, TrainConfig train, Path resumeFrom, Path outDir, int keep,
                boolean moveIfTaken, Integer limit) {
            this(data, model, train, resumeFrom, outDir, keep, moveIfTaken, limit, null);
        }
    }

    private final NDManager manager;
    private final BiGanTrainer trainer;
    private final ImageDataset data;
    private final DataDescription description;
    private final CheckpointStore store;

    private TrainingSession(NDManager manager, BiGanTrainer trainer, ImageDataset data, DataDescription description,
            CheckpointStore store) {
        this.manager = manager;
        this.trainer = trainer;
        this.data = data;
        this.description = description;
        this.store = store;
    }

    /** Builds or loads the model, loads the data and claims the checkpoint folder. */
    public static TrainingSession open(Plan plan) throws IOException {
        return open(plan, LoadProgress.NONE);
    }

    /** As {@link #open(Plan)}, telling {@code progress} as an image folder is decoded. */
    public static TrainingSession open(Plan plan, LoadProgress progress) throws IOException {
        NDManager manager = NDManager.newBaseManager();
        BiGanTrainer trainer = null;
        try {
            boolean resuming = plan.resumeFrom() != null;
            CheckpointStore store = resuming ? CheckpointStore.forResumedRun(plan.outDir(), plan.resumeFrom(),
                    plan.keep())
                    : CheckpointStore.forNewRun(plan.moveIfTaken() ? CheckpointStore.freeFolder(plan.outDir())
                            : plan.outDir(), plan.keep());
            trainer = resuming ? CheckpointLoader.loadTrainer(plan.resumeFrom(), manager, plan.encoderPhase())
                    : new BiGanTrainer(BiGan.seeded(plan.model(), manager, plan.train().seed()), plan.train());
            String spec = resuming ? Checkpoints.readManifest(plan.resumeFrom()).dataset() : plan.data();
            ModelConfig mc = trainer.model().config();
            ImageDataset ds = DataSources.load(spec, MnistDataset.Split.TRAIN, mc.imageSize(), mc.channels(),
                    progress);
            return new TrainingSession(manager, trainer, plan.limit() != null ? ds.head(plan.limit()) : ds,
                    DataDescription.of(spec, ds), store);
        } catch (IOException | RuntimeException e) {
            if (trainer != null) {
                trainer.close();
            }
            manager.close();
            throw e;
        }
    }

    public BiGanTrainer trainer() {
        return trainer;
    }

    public ImageDataset data() {
        return data;
    }

    /** The data set as given to {@code --data} (a resumed run's: its checkpoint's). */
    public String dataSpec() {
        return description.source();
    }

    /** The data set as the checkpoints record it. */
    public DataDescription description() {
        return description;
    }

    /** Where checkpoints go (for a fresh run in the window, possibly a free folder beside the one asked for). */
    public Path checkpointDir() {
        return store.dir();
    }

    /** Trains until {@code totalSteps}, checkpointing as it goes and at the end. */
    public TrainingLoop.Result run(long totalSteps, int progressEvery, int snapshotEvery, int checkpointEvery,
            String command, TrainingListener listener, TrainingControl control) throws InterruptedException {
        var options = new TrainingLoop.Options(totalSteps, progressEvery, snapshotEvery, checkpointEvery, store,
                description, command);
        return new TrainingLoop(trainer, data, options, listener, control).run();
    }

    /** Fits the latent density to the encoder's codes and stores it with {@code checkpoint}. */
    public GaussianMixture fitDensity(Path checkpoint, LatentDensityFile.Settings settings) throws IOException {
        return LatentDensityFile.fitAndAttach(trainer.model(), data, checkpoint, settings, trainer.config().seed());
    }

    @Override
    public void close() {
        trainer.close();
        manager.close();
    }
}
