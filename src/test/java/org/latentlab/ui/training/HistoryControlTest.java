package org.latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.train.TrainingProgress;
import org.latentlab.ui.DirectBackground;
import org.latentlab.ui.FakeEngine;
import org.latentlab.ui.common.FolderMemory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One step control for a run's history in the training tab: a typed step, Play and a click on a
 * chart choose the recorded grids, and every chart's cursor follows.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryControlTest {
    @TempDir static Path dir;
    private TrainingViewModel vm;
    private TrainingView view;

    @Start
    void start(Stage stage) {
        FakeEngine engine = new FakeEngine(true);
        vm = new TrainingViewModel(engine, new DirectBackground());
        view = new TrainingView(vm, new FolderMemory(null));
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
        vm.settings().outDirProperty().set(dir.resolve("run"));
        vm.start(); // the fake engine hands the test the run's events: the test plays the training thread
        for (int i = 1; i <= 10; i++) {
            long step = 100L * i;
            engine.events.progress(new TrainingProgress(step, 1000, 1f / i, 2f / i, 0, 0.5f, 0.5f, 10, i));
            vm.history().addFrame(new GridFrame(step, new WritableImage(16, 16), null, new WritableImage(16, 8),
                    0.1f / i));
        }
    }

    private double cursor(FxRobot robot, String chart) {
        return robot.lookup(chart).queryAs(LiveChart.class).stepCursor();
    }

    @Test
    void aTypedStepPlayAndAChartClickMoveGridsAndEveryChartsCursor(FxRobot robot) throws Exception {
        assertEquals(1000, cursor(robot, "#training-losses"), "the newest grids: the cursor at the end");
        assertTrue(robot.lookup("#training-losses").queryAs(LiveChart.class).pointCount(0) >= 9, "charts drawn");
        robot.clickOn("#history-step").write("3,40").type(KeyCode.ENTER);
        assertEquals(2, vm.history().selectedFrameProperty().get(), "the grids nearest step 340: step 300's");
        for (String chart : new String[] {"#training-losses", "#d-outputs", "#recon-chart"}) {
            assertEquals(300, cursor(robot, chart), chart);
        }
        assertTrue(robot.lookup("Step 300  (3 of 10 recorded) · reconstruction MSE 0.0333").tryQuery().isPresent());
        robot.clickOn("#history-step").eraseText(5).write("soon").type(KeyCode.ENTER);
        assertTrue(robot.lookup("'soon' is not a step: type a number such as 1200.").tryQuery().isPresent());
        robot.clickOn("#history-play");
        // The frame, then the step the charts follow, change on the FX thread: wait for both, not the first alone
        // (under load this thread read the cursor between the two: 900).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> vm.history().selectedFrameProperty().get() == 9 && cursor(robot, "#d-outputs") == 1000);
        LiveChart losses = robot.lookup("#training-losses").queryAs(LiveChart.class);
        var b = losses.localToScreen(losses.getBoundsInLocal());
        robot.clickOn((b.getMinX() + 64 + b.getMaxX() - 26) / 2, b.getMinY() + 40); // mid-plot: mid-run
        double chosen = vm.history().selectedStepProperty().get();
        assertTrue(chosen >= 400 && chosen <= 600, "step " + chosen);
        assertEquals(chosen, cursor(robot, "#recon-chart"));
    }
}
