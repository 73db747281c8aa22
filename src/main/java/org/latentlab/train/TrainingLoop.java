package org.latentlab.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.latentlab.data.BatchIterator;
import org.latentlab.data.DataDescription;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.Pixels;
import org.latentlab.latent.Prior;
import org.latentlab.model.BiGan;

/**
 * Runs a {@link BiGanTrainer} for a number of steps with progress events, progress grids from a
 * fixed noise batch and a fixed real batch, periodic checkpoints, and pause, resume and cancel.
 * Runs on the calling thread, which then owns the model until {@link #run} returns.
 */
public final class TrainingLoop {
    /**
     * @param totalSteps the step count to reach (a resumed trainer starts from its own step)
     * @param store where checkpoints go, or null to keep none
     */
    public record Options(long totalSteps, int progressEvery, int snapshotEvery, int checkpointEvery,
            CheckpointSink store, DataDescription data, String command) {}

    /** How a run ended: the step reached, whether it was cancelled, and the newest checkpoint (or null). */
    public record Result(long step, boolean cancelled, Path lastCheckpoint) {}

    private final BiGanTrainer trainer;
    private final ImageDataset data;
    private final Options options;
    private final TrainingListener listener;
    private final TrainingControl control;
    private final float[] fixedNoise;
    private final float[] fixedReals;
    private final RunningDensity runningDensity;
    private final CollapseWatch collapse = new CollapseWatch();
    private CheckpointSink store; // options.store(), or where the user moved the run after a failed save
    private Path lastCheckpoint;
    private boolean historyWarned; // a point of the run's history could not be written: said once

    public TrainingLoop(BiGanTrainer trainer, ImageDataset data, Options options, TrainingListener listener,
            TrainingControl control) {
        this.trainer = trainer;
        this.data = data;
        this.options = options;
        this.listener = listener;
        this.control = control;
        this.store = options.store();
        int zdim = trainer.model().config().zdim();
        this.fixedNoise = Prior.sample(trainer.config().seed(), SampleGrids.NOISE_STEP, SampleGrids.SAMPLE_COUNT,
                zdim);
        this.fixedReals = SampleGrids.fixedReals(data, trainer.config().seed());
        this.runningDensity = new RunningDensity(data, trainer.config().seed());
    }

    public Result run() throws InterruptedException {
        TrainConfig tc = trainer.config();
        int zdim = trainer.model().config().zdim();
        BatchIterator batches = new BatchIterator(data, tc.batchSize(), tc.seed());
        batches.seek(trainer.step());
        Window window = new Window();
        snapshot();
        while (trainer.step() < options.totalSteps()) {
            serveSaves();
            if (control.isPaused() && !control.isCancelled()) {
                control.awaitRunnableOrSave();
                window.resetClock(); // time spent paused is not training time
                continue; // a save asked for while paused is served, and the loop waits again
            }
            if (control.isCancelled()) {
                return finish(true);
            }
            StepStats s = trainer.train(batches.next(), Prior.sample(tc.seed(), trainer.step(), tc.batchSize(), zdim));
            if (!s.finite()) {
                throw new TrainingDivergedException(s.step(), s);
            }
            window.add(s);
            String warning = collapse.observe(s);
            if (warning != null) {
                listener.onWarning(warning);
            }
            long step = trainer.step();
            if (step % options.progressEvery() == 0 || step == options.totalSteps()) {
                TrainingProgress p = window.progress(step, options.totalSteps());
                listener.onProgress(p);
                recordLosses(p);
            }
            boolean checkpointDue = store != null && options.checkpointEvery() > 0
                    && step % options.checkpointEvery() == 0 && step < options.totalSteps();
            if (step % options.snapshotEvery() == 0 && step < options.totalSteps()) {
                snapshot();
            } else if (checkpointDue) {
                recordReconstruction(step, reconstructionError()); // the command line draws no grids
            }
            if (checkpointDue) {
                checkpoint();
            }
        }
        return finish(false);
    }

    /**
     * Into the run's loss history. A point that cannot be written (a full disk) is left out, said
     * once; later points are tried again, so the history goes on once there is room.
     */
    private void recordLosses(TrainingProgress p) {
        if (store != null && !store.recordLosses(LossPoint.of(p))) {
            historyNotWritten();
        }
    }

    /**
     * The reconstruction error of the fixed real batch at {@code step}, into the run's history (the
     * same rules as the losses): with each progress grid, and at each checkpoint between them.
     */
    private void recordReconstruction(long step, float mse) {
        if (store != null && step > 0 && Float.isFinite(mse)
                && !store.recordReconstruction(new ReconstructionPoint(step, mse))) {
            historyNotWritten();
        }
    }

    /** Mean squared error per pixel of G(E(x)) for the fixed real batch, with the G that is sampled. */
    private float reconstructionError() {
        return Pixels.meanSquaredError(fixedReals, trainer.withSamplingGenerator(this::reconstructedReals));
    }

    /** G(E(x)) of the fixed real batch, with the G in place. */
    private float[] reconstructedReals() {
        BiGan model = trainer.model();
        return model.generate(model.encode(fixedReals, SampleGrids.REAL_COUNT), SampleGrids.REAL_COUNT);
    }

    private void historyNotWritten() {
        if (!historyWarned) {
            historyWarned = true;
            listener.onWarning("Could not write the run's history in " + store.dir() + ": opened again, this run's "
                    + "charts will miss those steps. Training goes on.");
        }
    }

    private Result finish(boolean cancelled) throws InterruptedException {
        serveSaves();
        snapshot();
        if (store != null && (lastCheckpoint == null || !lastCheckpoint.getFileName().toString()
                .equals(String.format("step-%08d", trainer.step())))) {
            checkpoint();
        }
        return new Result(trainer.step(), cancelled, lastCheckpoint);
    }

    /**
     * Saves a checkpoint. When that fails the model stays in memory: the listener decides whether
     * the run pauses until the user has made room (and then tries again) or ends.
     */
    private void checkpoint() throws InterruptedException {
        while (true) {
            try {
                lastCheckpoint = store.save(trainer, options.data(), options.command());
                listener.onCheckpoint(lastCheckpoint, trainer.step());
                return;
            } catch (IOException e) {
                String message = "Could not save the checkpoint of step " + trainer.step() + " in " + store.dir()
                        + " (" + e.getMessage() + "). The previous checkpoint is intact.";
                if (control.isCancelled() || !listener.onCheckpointFailed(message)) {
                    throw new UncheckedIOException(message, e);
                }
                control.pause();
                control.awaitRunnable();
                moveIfAsked();
            }
        }
    }

    /** Saves the model as it is now wherever the user asked ("Save checkpoint as…"), between two steps. */
    private void serveSaves() {
        for (TrainingControl.SaveRequest r = control.takeSave(); r != null; r = control.takeSave()) {
            if (store == null) {
                r.done().completeExceptionally(new IllegalStateException("This run keeps no checkpoints."));
                continue;
            }
            try {
                r.done().complete(store.saveCopy(trainer, options.data(), options.command(), r.target()));
            } catch (IOException | RuntimeException e) {
                r.done().completeExceptionally(e);
            }
        }
    }

    /** After a failed save the user may have chosen another folder: the run's next checkpoints go there. */
    private void moveIfAsked() {
        Path to = control.takeRedirect();
        if (to != null) {
            try {
                store = store.elsewhere(to);
            } catch (IOException e) {
                listener.onWarning("Could not use " + to + " for checkpoints (" + e.getMessage() + "); trying "
                        + store.dir() + " again.");
            }
        }
    }

    /** Progress grids and inference weights at the current step, of the G that is sampled. */
    public void snapshot() {
        TrainingSnapshot s = trainer.withSamplingGenerator(this::currentSnapshot);
        recordReconstruction(s.step(), s.grids().reconstructionMse());
        listener.onSnapshot(s);
    }

    private TrainingSnapshot currentSnapshot() {
        BiGan model = trainer.model();
        int n = SampleGrids.SAMPLE_COUNT;
        SampleGrids grids = SampleGrids.of(trainer.step(), model.config(), model.generate(fixedNoise, n),
                runningDensity.samples(model, n, trainer.step()), fixedReals.clone(),
                reconstructedReals());
        try {
            return new TrainingSnapshot(grids, BiGan.weightsOf(model.generator()), BiGan.weightsOf(model.encoder()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Running sums between two progress events. */
    private static final class Window {
        private long start = System.nanoTime();
        private long runStart = System.nanoTime();
        private double lossD, lossGE, lossCycle, dReal, dFake;
        private int n;

        void add(StepStats s) {
            lossD += s.lossD();
            lossGE += s.lossGE();
            lossCycle += s.lossCycle();
            dReal += s.dReal();
            dFake += s.dFake();
            n++;
        }

        void resetClock() {
            start = System.nanoTime();
        }

        TrainingProgress progress(long step, long total) {
            long now = System.nanoTime();
            double secs = (now - start) / 1e9;
            TrainingProgress p = new TrainingProgress(step, total, (float) (lossD / n), (float) (lossGE / n),
                    (float) (lossCycle / n),
                    (float) (dReal / n), (float) (dFake / n), n / Math.max(secs, 1e-9), (now - runStart) / 1e9);
            start = now;
            lossD = lossGE = lossCycle = dReal = dFake = 0;
            n = 0;
            return p;
        }
    }
}
