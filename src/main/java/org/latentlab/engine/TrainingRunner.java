package org.latentlab.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.checkpoint.LatentDensityFile;
import org.latentlab.data.DataDescription;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.session.TrainingSession;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.TrainConfig;
import org.latentlab.train.TrainingControl;
import org.latentlab.train.TrainingDivergedException;
import org.latentlab.train.TrainingListener;
import org.latentlab.train.TrainingLoop;
import org.latentlab.train.TrainingProgress;
import org.latentlab.train.TrainingSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one training at a time on its own thread, which owns the trainer's model. Snapshots are
 * passed on to the engine's inference copies, so the explorer follows the model while it trains.
 */
public final class TrainingRunner implements TrainingService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRunner.class);
    private final TorchEngine engine;
    private final ExecutorService thread;
    private volatile TrainingControl control;
    private volatile boolean skipDensity;

    TrainingRunner(TorchEngine engine) {
        this.engine = engine;
        this.thread = Executors.newSingleThreadExecutor(
                TorchThreads.factory("latentlab-training", TorchThreads.backgroundTrainingThreads()));
    }

    @Override
    public synchronized void start(TrainingRequest request, TrainingEvents events) {
        if (control != null) {
            throw new IllegalStateException("Training is already running.");
        }
        TrainingControl c = new TrainingControl();
        control = c;
        skipDensity = false;
        thread.submit(() -> run(request, events, c));
    }

    @Override
    public void pause() {
        TrainingControl c = control;
        if (c != null) {
            c.pause();
        }
    }

    @Override
    public void resume() {
        TrainingControl c = control;
        if (c != null) {
            c.resume();
        }
    }

    @Override
    public void stop() {
        TrainingControl c = control;
        if (c != null) {
            c.cancel();
        }
    }

    @Override
    public void redirectCheckpoints(Path dir) {
        TrainingControl c = control;
        if (c != null) {
            c.redirectCheckpoints(dir);
        }
    }

    @Override
    public void stopForExit() {
        skipDensity = true;
        stop();
    }

    private void run(TrainingRequest req, TrainingEvents events, TrainingControl c) {
        // a resumed run keeps its checkpoint's recipe, but for E's phase (the settings show it)
        TrainConfig.EncoderPhase encoderPhase = req.resumeFrom() != null && req.train() != null
                ? new TrainConfig.EncoderPhase(req.train().encoderOnlyFrom(), req.train().encoderPrior(),
                        req.model() != null ? req.model().encoder() : null) : null;
        var plan = new TrainingSession.Plan(req.data(), req.model(), req.train(), req.resumeFrom(), req.outDir(), 3,
                true, null, encoderPhase);
        try (TrainingSession session = TrainingSession.open(plan, events::loadingData)) {
            events.started(session.checkpointDir());
            BiGanTrainer trainer = session.trainer();
            TrainingLoop.Result r = session.run(req.totalSteps(), 10, req.snapshotEvery(), req.checkpointEvery(),
                    "Latent Lab window", listener(events, session.description(), trainer.config()), c);
            if (r.lastCheckpoint() != null && !skipDensity) {
                fitDensity(session, r, events);
            }
            events.finished(r.step(), r.cancelled(), r.lastCheckpoint());
        } catch (TrainingDivergedException e) {
            events.failed(e.getMessage());
        } catch (Throwable e) { // any Error too: the window must never be left showing a run that is gone
            LOG.warn("Training failed", e);
            events.failed(describe(e));
        } finally {
            control = null;
            c.failPendingSaves("The run ended before the model could be saved; its last checkpoint is in "
                    + req.outDir() + ".");
        }
    }

    /**
     * Fits the latent density to the final encoder, stores it with the last checkpoint and hands it
     * to the explorer's model. A failure here costs only the density, never the run.
     */
    private void fitDensity(TrainingSession session, TrainingLoop.Result r, TrainingEvents events) {
        events.fittingDensity();
        try {
            GaussianMixture g = session.fitDensity(r.lastCheckpoint(), LatentDensityFile.Settings.quick());
            engine.applyDensity(g, r.step()).join(); // the engine publishes the model with its density
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not fit the latent density; samples will come from the uniform prior", e);
        }
    }

    @Override
    public void copyCheckpoint(Path source, Path target) throws IOException {
        Checkpoints.requireReplaceable(target);
        Checkpoints.copy(source, target);
    }

    @Override
    public CompletableFuture<Path> saveRunningModel(Path target) {
        TrainingControl c = control;
        if (c == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("No training run is going."));
        }
        return c.requestSave(target);
    }

    /** One sentence for the user about what ended the run. */
    static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "Not enough memory to train this model (" + e.getMessage() + "). Try a smaller batch or image size.";
        }
        if (e instanceof LinkageError) {
            return "The PyTorch library could not be loaded (" + e.getMessage() + ").";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "Training failed (" + e.getClass().getSimpleName() + ")." : m;
    }

    private TrainingListener listener(TrainingEvents events, DataDescription dataset, TrainConfig recipe) {
        return new TrainingListener() {
            @Override
            public void onProgress(TrainingProgress p) {
                events.progress(p);
            }

            @Override
            public void onSnapshot(TrainingSnapshot s) {
                events.snapshot(s);
                engine.applySnapshot(s, recipe, dataset).whenComplete((info, e) -> { // the engine publishes it
                    if (e != null) {
                        LOG.warn("Could not refresh the explorer's model: {}", e.getMessage());
                    }
                });
            }

            @Override
            public void onCheckpoint(Path checkpoint, long step) {
                events.checkpoint(checkpoint, step);
            }

            @Override
            public void onWarning(String message) {
                events.warning(message);
            }

            @Override
            public boolean onCheckpointFailed(String message) {
                events.checkpointFailed(message);
                return true; // the window keeps the model: pause, and save again on Resume
            }
        };
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
