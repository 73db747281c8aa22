package org.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.ui.common.FxImages;
import org.latentlab.ui.encoder.CompareViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The encoder panel compares x with G(E(x)) on the bundled model: a wipe shows the model input
 * left of its line and the reconstruction right of it, and the difference view differs from both.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class CompareWindowTest extends RealWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aWipeAndADifferenceCompareXWithItsReconstruction(FxRobot robot) throws Exception {
        waitFor(60, () -> vm.explorer().dims().size() == 32);
        robot.clickOn("#tab-encoder").clickOn("Random test image");
        var en = vm.encoder();
        waitFor(30, () -> en.compare().imageProperty().get() != null && !en.busyProperty().get());
        ImageView shown = robot.lookup("#reconstruction").queryAs(ImageView.class);
        int[] input = FxImages.argb(en.inputProperty().get());
        int[] recon = FxImages.argb(en.reconstructionProperty().get());
        assertArrayEquals(recon, FxImages.argb(shown.getImage()), "G(E(x)) at first");
        robot.clickOn("#compare-mode").clickOn("wipe x | G(E(x))");
        Slider wipe = robot.lookup("#compare-wipe").queryAs(Slider.class);
        robot.interact(() -> wipe.setValue(0.5));
        Image image = shown.getImage();
        int width = (int) image.getWidth();
        int[] px = FxImages.argb(image);
        int row = width * (width / 2);
        assertArrayEquals(Arrays.copyOfRange(input, row, row + width / 2 - 4),
                Arrays.copyOfRange(px, row, row + width / 2 - 4), "x left of the line");
        assertArrayEquals(Arrays.copyOfRange(recon, row + width / 2 + 4, row + width),
                Arrays.copyOfRange(px, row + width / 2 + 4, row + width), "G(E(x)) right of it");
        robot.interact(() -> en.compare().modeProperty().set(CompareViewModel.Mode.DIFFERENCE));
        int[] difference = FxImages.argb(shown.getImage());
        assertFalse(Arrays.equals(difference, recon) || Arrays.equals(difference, input));
    }
}
