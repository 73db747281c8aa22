package org.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.ui.training.TrainingState;
import org.latentlab.ui.training.TrainingViewModel;

/** A model opened from the File menu (or dropped, or recent; a session's: SessionTest) is what Start continues. */
class OpenModelTest {
    @TempDir Path dir;
    private final FakeEngine engine = new FakeEngine(true);

    @BeforeAll
    static void toolkit() throws Exception {
        FxThread.start();
    }

    @Test
    void startContinuesTheOpenedModelWithItsRecipeOnShow() throws Exception {
        Path model = Files.createDirectories(dir.resolve("run"));
        FxThread.run(() -> {
            MainViewModel vm = new MainViewModel(engine, new DirectBackground());
            vm.openModel(model);
            TrainingViewModel training = vm.training();
            assertEquals(model, training.resumeFromProperty().get());
            assertEquals(FakeEngine.ZDIM, training.settings().zdimProperty().get(), "the model's recipe, not defaults");
            assertTrue(training.statusProperty().get().contains("Start in the Training tab continues training it"),
                    training.statusProperty().get());
            return null;
        });
    }

    @Test
    void aModelOpenedDuringARunLeavesTheRunsSettings() throws Exception {
        Path model = Files.createDirectories(dir.resolve("run"));
        FxThread.run(() -> {
            MainViewModel vm = new MainViewModel(engine, new DirectBackground());
            TrainingViewModel training = vm.training();
            training.settings().zdimProperty().set(FakeEngine.ZDIM * 2);
            training.start();
            vm.openModel(model);
            assertEquals(TrainingState.RUNNING, training.stateProperty().get());
            assertEquals(FakeEngine.ZDIM * 2, training.settings().zdimProperty().get());
            assertNull(training.resumeFromProperty().get());
            return null;
        });
    }
}
