package org.latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.DataDescription;
import org.latentlab.engine.ModelInfo;
import org.latentlab.latent.LatentPrior;
import org.latentlab.model.Architecture;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.LossPoint;
import org.latentlab.train.ReconstructionPoint;
import org.latentlab.train.RunHistory;
import org.latentlab.train.TrainConfig;
import org.latentlab.ui.DirectBackground;
import org.latentlab.ui.FakeEngine;

/** The training tab's view-model on a fake engine: settings, the run's states and what the user reads. */
class TrainingViewModelTest {
    private final FakeEngine engine = new FakeEngine(true);
    private final List<ModelInfo> published = new ArrayList<>();
    private final TrainingViewModel vm = new TrainingViewModel(engine, new DirectBackground());

    {
        engine.subscribe(change -> published.add(change.info()));
    }
    @TempDir Path dir;
    private static final ModelConfig SMALL = new ModelConfig(Architecture.MLP, 8, 1, 28, 32, true, 0f, false);

    @Test
    void invalidSettingsAreRefusedWithTheirReason() {
        vm.settings().zdimProperty().set(0);
        vm.start();
        assertEquals(TrainingState.IDLE, vm.stateProperty().get());
        assertTrue(vm.errorProperty().get().contains("Latent size"), vm.errorProperty().get());
        vm.settings().zdimProperty().set(8);
        vm.settings().batchProperty().set(1);
        vm.start();
        assertTrue(vm.errorProperty().get().contains("Batch size"));
        vm.settings().batchProperty().set(32);
        vm.settings().cycleShiftProperty().set(9);
        vm.start();
        assertTrue(vm.errorProperty().get().contains("x-cycle shift must be 0 to 4 pixels"), vm.errorProperty().get());
        assertFalse(engine.trainingCalls.contains("start"), "nothing reached the engine");
    }

    @Test
    void aRunGoesThroughItsStates() {
        vm.settings().outDirProperty().set(dir.resolve("run"));
        vm.start();
        assertEquals(TrainingState.RUNNING, vm.stateProperty().get());
        vm.pause();
        assertEquals(TrainingState.PAUSED, vm.stateProperty().get());
        vm.resume();
        vm.stop();
        assertEquals(TrainingState.STOPPING, vm.stateProperty().get());
        engine.events.finished(120, true, dir.resolve("run/step-00000120"));
        assertEquals(TrainingState.IDLE, vm.stateProperty().get());
        assertTrue(vm.statusProperty().get().contains("Stopped at step 120"), vm.statusProperty().get());
        assertEquals(dir.resolve("run/step-00000120"), vm.resumeFromProperty().get(), "Start continues from it");
        assertEquals(List.of("start", "pause", "resume", "stop", "resume"), engine.trainingCalls);
    }

    @Test
    void aFailedSavePausesTheRunAndSaysWhatToDo() {
        vm.start();
        engine.events.checkpointFailed("Could not save the checkpoint of step 200 (No space left on device).");
        assertEquals(TrainingState.PAUSED, vm.stateProperty().get());
        assertTrue(vm.errorProperty().get().contains("No space left"));
        assertTrue(vm.statusProperty().get().contains("Free some disk space"), vm.statusProperty().get());
    }

    @Test
    void closingMidRunSavesFirstThenCloses() {
        vm.start();
        boolean[] closed = new boolean[1];
        assertFalse(vm.closeRequested(() -> closed[0] = true), "the window waits for the last checkpoint");
        assertTrue(engine.trainingCalls.contains("stopForExit"));
        engine.events.finished(50, true, dir.resolve("step-00000050"));
        assertTrue(closed[0]);
    }

    @Test
    void aLoadedModelShowsItsSettingsAndIsPublished() throws Exception {
        Path checkpoint = Files.createDirectories(dir.resolve("step-00001000"));
        vm.loadCheckpoint(checkpoint);
        assertEquals(FakeEngine.ZDIM, vm.settings().zdimProperty().get());
        assertEquals(Architecture.MLP, vm.settings().arch.get());
        assertEquals(checkpoint, vm.resumeFromProperty().get());
        assertEquals(1, published.size());
    }

    @Test
    void aMissingCheckpointAndNoCheckpointYetAreExplained() {
        vm.saveCheckpointAs(dir.resolve("x"));
        assertTrue(vm.errorProperty().get().contains("no model to save yet"), vm.errorProperty().get());
        vm.loadCheckpoint(dir.resolve("missing"));
        assertTrue(vm.errorProperty().get().contains("not found"), vm.errorProperty().get());
        assertTrue(published.isEmpty());
    }

    /**
     * An opened model's charts are its run's history, losses and reconstruction errors; its own
     * grid's error does not draw its step twice. Start continues it with them in place, where a
     * new run starts with empty charts.
     */
    @Test
    void anOpenedModelShowsItsHistoryAndAContinuedRunKeepsIt() {
        var points = List.of(new LossPoint(100, 1.4f, 0.7f, 3f, 0.6f, 0.4f), new LossPoint(200, 1.3f, 0.8f, 2f, 0.55f,
                0.45f));
        var errors = List.of(new ReconstructionPoint(500, 0.05f), new ReconstructionPoint(1000, 0.03f));
        ModelInfo trained = new ModelInfo(SMALL, TrainConfig.defaults(1), 1000,
                DataDescription.implied("mnist", 1, 28), dir.resolve("run/step-00001000"), Map.of(), false,
                LatentPrior.UNIFORM, new RunHistory(points, errors));
        vm.modelOpened(trained);
        assertEquals(2, vm.history().series("lossD").size());
        assertArrayEquals(new float[] {200f, 0.45f}, vm.history().series("dFake").decimated(10).get(1));
        assertEquals(1, vm.history().frames().size(), "its grids, at step 1000");
        List<float[]> recon = vm.history().series("recon").decimated(10);
        assertEquals(2, recon.size(), "its run's errors, step 1000 once");
        assertArrayEquals(new float[] {1000f, 0.03f}, recon.get(1));
        assertArrayEquals(new double[] {100, 1000}, vm.history().stepSpan(), "the step axis the charts share");
        vm.start();
        assertEquals(2, vm.history().series("lossGE").size(), "a continued run's charts go on from its history");
        assertEquals(2, vm.history().series("recon").size());
        engine.events.finished(300, false, dir.resolve("run/step-00000300"));
        vm.modelOpened(new ModelInfo(SMALL, TrainConfig.defaults(1), 50,
                DataDescription.implied("mnist", 1, 28), dir.resolve("other"), Map.of(), false));
        assertEquals(0, vm.history().series("lossD").size(), "a model without a history: empty charts");
    }

    /** An opened model's grids are drawn at once, at its step, in place of "No grids yet"; a run draws its own. */
    @Test
    void anOpenedModelShowsItsGridsUntilARunStarts() throws Exception {
        vm.loadCheckpoint(Files.createDirectories(dir.resolve("step-00001000")));
        assertEquals(1, vm.history().frames().size());
        GridFrame f = vm.history().frames().get(0);
        assertEquals(1000, f.step());
        assertNotNull(f.samples());
        assertNotNull(f.densitySamples(), "from its fitted density");
        assertNotNull(f.reconstructions());
        assertEquals(1, vm.history().series("recon").size(), "its reconstruction error, charted at its step");
        vm.start();
        assertTrue(vm.history().frames().isEmpty(), "the run draws its own");
    }

    @Test
    void anOpenedModelWithoutItsDataShowsWhatGDrawsAlone() throws Exception {
        engine.withoutData = true;
        vm.loadCheckpoint(Files.createDirectories(dir.resolve("step-00001000")));
        GridFrame f = vm.history().frames().get(0);
        assertNotNull(f.samples());
        assertNull(f.reconstructions());
        assertEquals(0, vm.history().series("recon").size());
    }
}
