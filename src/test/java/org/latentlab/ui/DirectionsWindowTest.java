package org.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.controlsfx.control.GridCell;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.ui.explorer.DirectionMaker;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A direction of one's own in the window, on the bundled model: a gallery image into group A by
 * its menu, points lassoed on the map into group B, named and added as a slider that moves z;
 * then the explorer saved as a session and restored after z was changed.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class DirectionsWindowTest extends RealWindow {
    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void groupsFromGalleryAndMapBecomeASliderAndTheSessionRestoresIt(FxRobot robot) throws Exception {
        var ex = vm.explorer();
        waitFor(90, () -> ex.dims().size() == 32 && ex.mapProperty().get() != null);
        robot.clickOn("#randomize");
        waitFor(10, () -> ex.rawZ()[0] != 0);
        robot.clickOn("Remember");
        waitFor(10, () -> ex.gallery().size() == 1);
        Node cell = robot.lookup(".grid-cell").match((Node n) -> ((GridCell<?>) n).getItem() != null).query();
        robot.rightClickOn(cell);
        robot.clickOn("Add to group A (a direction's start)");
        DirectionMaker maker = ex.directionMaker();
        assertEquals(1, maker.groupA().size());
        robot.clickOn("#lasso-b");
        Node map = robot.lookup(".latent-map").query();
        Bounds b = map.localToScreen(map.getBoundsInLocal());
        Point2D c = new Point2D(b.getCenterX(), b.getCenterY() - 20);
        robot.moveTo(c.add(-50, -50)).press(KeyCode.SHIFT).press(MouseButton.PRIMARY);
        for (Point2D p : List.of(c.add(50, -50), c.add(50, 50), c.add(-50, 50), c.add(-50, -45))) {
            robot.moveTo(p);
        }
        robot.release(MouseButton.PRIMARY).release(KeyCode.SHIFT);
        waitFor(5, () -> maker.groupB().size() > 20);
        assertEquals(maker.groupB().size(), maker.mapRows(DirectionMaker.Group.B).size(), "every point marked");
        robot.clickOn("#maker-name").write("mine");
        robot.clickOn("#maker-add");
        waitFor(5, () -> ex.directions().stream().anyMatch(d -> d.name().equals("mine")));
        assertTrue(maker.messageProperty().get().startsWith("Added the direction 'mine'"));
        assertTrue(robot.lookup("×").tryQuery().isPresent(), "your direction can be removed");
        float[] before = ex.effectiveZ();
        robot.interact(() -> ex.directions().stream().filter(d -> d.name().equals("mine")).findFirst().orElseThrow()
                .amountProperty().set(1));
        assertFalse(Arrays.equals(before, ex.effectiveZ()), "the slider moves z");

        Path session = dir.resolve("session.json");
        robot.interact(() -> vm.saveSession(session));
        assertTrue(Files.isRegularFile(session), vm.noticeProperty().get());
        float[] saved = ex.rawZ();
        robot.clickOn("#randomize");
        waitFor(10, () -> !Arrays.equals(saved, ex.rawZ()));
        robot.interact(() -> vm.openSession(session));
        waitFor(60, () -> "Restored the session session.json.".equals(vm.noticeProperty().get()));
        waitFor(60, () -> ex.directions().stream().anyMatch(d -> d.name().equals("PC1")));
        assertArrayEquals(saved, ex.rawZ(), 1e-6f);
        assertEquals(1.0, ex.directions().stream().filter(d -> d.name().equals("mine")).findFirst().orElseThrow()
                .amountProperty().get());
        waitFor(10, () -> ex.gallery().size() == 1);
    }
}
