package org.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.train.TestModels;
import org.latentlab.ui.common.FxImages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Two checkpoints of one run side by side in the window: a run of two checkpoints (other weights)
 * opened, Explorer → Compare checkpoints, both steps listed and drawn on the explorer's z, and
 * both images following a slider.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class CheckpointCompareWindowTest extends RealWindow {
    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static int[] pixels(FxRobot robot, String id) {
        Image img = robot.lookup(id).queryAs(ImageView.class).getImage();
        assertNotNull(img, id);
        return FxImages.argb(img);
    }

    @Test
    void twoStepsOfARunDrawTheSameZSideBySide(FxRobot robot) throws Exception {
        Path run = dir.resolve("run");
        try (NDManager m = NDManager.newBaseManager()) {
            for (long step : new long[] {100, 200}) {
                try (var trainer = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(step))) {
                    trainer.restoreStep(step);
                    Checkpoints.save(trainer, run.resolve(String.format("step-%08d", step)), TestModels.MNIST_DATA,
                            "test", Map.of());
                }
            }
        }
        waitFor(60, () -> vm.explorer().dims().size() == 32);
        robot.interact(() -> vm.openModel(run.resolve("step-00000200")));
        waitFor(60, () -> vm.explorer().dims().size() == 8);
        robot.clickOn("#compare-open");
        waitFor(20, () -> robot.lookup("#compare-right-image").tryQuery().isPresent()
                && robot.lookup("#compare-right-image").queryAs(ImageView.class).getImage() != null);
        @SuppressWarnings("unchecked")
        ComboBox<Object> left = robot.lookup("#compare-left").queryAs(ComboBox.class);
        assertEquals(2, left.getItems().size());
        assertEquals("step 100", left.getConverter().toString(left.getValue()));
        int[] a = pixels(robot, "#compare-left-image");
        int[] b = pixels(robot, "#compare-right-image");
        assertFalse(Arrays.equals(a, b), "two checkpoints' weights draw two images");
        robot.interact(() -> vm.explorer().dims().get(0).set(0.9));
        waitFor(10, () -> !Arrays.equals(b, pixels(robot, "#compare-right-image")));
        waitFor(10, () -> !Arrays.equals(a, pixels(robot, "#compare-left-image")));
    }
}
