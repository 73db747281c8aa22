package org.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A walk through the gallery in the window, on the bundled model: the walk's window opened, three
 * images remembered, its frames set, Preview plays the walk, and it exports as GIF and MP4 (the
 * save dialog itself is the desktop's and is not driven: its choice goes to the same export).
 */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class WalkWindowTest extends RealWindow {
    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theGalleryWalksPlaysAndExports(FxRobot robot) throws Exception {
        waitFor(60, () -> vm.explorer().dims().size() == 32);
        robot.clickOn("#walk-open");
        waitFor(10, () -> robot.lookup("#walk-preview").tryQuery().isPresent());
        for (String id : new String[] {"#walk-preview", "#walk-export"}) { // whole in a 1024 px window
            Button b = robot.lookup(id).queryAs(Button.class);
            assertEquals(b.getText(), ((Text) b.lookup(".text")).getText(), id + " is cut");
        }
        assertTrue(robot.lookup("#walk-preview").queryAs(Button.class).isDisabled(), "a walk needs two keyframes");
        robot.interact(() -> robot.lookup("#walk-dialog").query().getScene().getWindow().hide()); // off the window
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#randomize");
            int kept = i;
            waitFor(10, () -> vm.explorer().rawZ()[0] != 0);
            robot.clickOn("Remember");
            waitFor(10, () -> vm.explorer().gallery().size() == kept + 1);
        }
        robot.clickOn("#walk-open");
        @SuppressWarnings("unchecked")
        Spinner<Integer> frames = robot.lookup("#walk-frames").queryAs(Spinner.class);
        robot.clickOn(frames.getEditor()).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("4")
                .type(KeyCode.ENTER);
        waitFor(5, () -> vm.explorer().walk().framesPerLegProperty().get() == 4);
        robot.clickOn("#walk-preview");
        waitFor(30, () -> vm.explorer().walk().frames().size() == 9);
        assertTrue(robot.lookup("#walk-player").queryAs(ImageView.class).isVisible(), "the preview plays");
        assertTrue(robot.lookup("#walk-message").queryLabeled().getText().startsWith("9 frames through 3 keyframes"));
        for (String name : new String[] {"walk.gif", "walk.mp4"}) {
            Path out = dir.resolve(name);
            robot.interact(() -> vm.explorer().walk().export(out));
            waitFor(30, () -> Files.isRegularFile(out) && Files.size(out) > 0
                    && vm.explorer().walk().messageProperty().get().startsWith("Saved " + name));
        }
        assertEquals("Saved walk.mp4 (9 frames).", vm.explorer().walk().messageProperty().get());
    }
}
