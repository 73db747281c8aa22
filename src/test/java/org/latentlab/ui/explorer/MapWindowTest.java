package org.latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.engine.LatentMap;
import org.latentlab.engine.MapMethod;
import org.latentlab.ui.RealWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The map in the window, on the bundled model's 10,000 test codes: UMAP chosen and computed, a
 * zoom with the wheel down to thumbnails, hover, a pan, a double-click back to everything, and
 * the points coloured by a latent dimension.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class MapWindowTest extends RealWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static LatentMap drawn(LatentMapView map) {
        WaitForAsyncUtils.waitForFxEvents();
        return map.shown();
    }

    /**
     * The points the map drew, or -1 before it drew one: read on the FX thread in one go, where
     * {@code show} runs whole. Read from the test thread, a map arriving meanwhile was seen as
     * shown with none of its points yet (a failure of this test in a fresh clone's run).
     */
    private static int drawnPoints(LatentMapView map) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> map.shown() == null ? -1 : map.pointCount()).get(10, TimeUnit.SECONDS);
    }

    private static Point2D firstPoint(LatentMapView map) {
        return map.localToScreen(map.firstPointX(), map.firstPointY());
    }

    @Test
    void umapZoomsToThumbnailsHoversPansFitsAndColoursByADimension(FxRobot robot) throws Exception {
        var ex = vm.explorer();
        LatentMapView map = robot.lookup("#latent-map").queryAs(LatentMapView.class);
        // The view's own state, read after the FX thread's queue (the property is set before its listeners run).
        waitFor(90, () -> drawnPoints(map) >= 0);
        assertEquals(10_000, drawnPoints(map));
        robot.clickOn("#map-method").clickOn("UMAP");
        waitFor(180, () -> drawn(map).method() == MapMethod.UMAP);
        assertTrue(robot.lookup("Latent map: test set on UMAP").tryQuery().isPresent());
        robot.moveTo(firstPoint(map));
        robot.scroll(1, VerticalDirection.UP);
        // On X11 the wheel turned up zooms in (tried under Xvfb); the headless robot's wheel turns the other way.
        VerticalDirection in = map.viewport().zoom() > 1 ? VerticalDirection.UP : VerticalDirection.DOWN;
        for (int i = 0; i < 60 && map.viewport().zoom() < 40; i++) {
            robot.scroll(1, in);
        }
        assertTrue(map.viewport().zoom() >= 40, "the wheel zooms in: " + map.viewport().zoom());
        // Points become thumbnails once at most MapThumbnails.SHOW_AT_MOST are in view; where UMAP packs
        // the first point's neighbours tighter (its layouts differ from run to run), that takes a closer
        // zoom (a fresh clone's run timed out here once at 40x): the wheel goes on while none show.
        waitFor(20, () -> {
            if (map.thumbnailsShown() > 0) {
                return true;
            }
            robot.scroll(1, in);
            return false;
        });
        robot.moveTo(firstPoint(map));
        Label hover = robot.lookup("#map-hover-text").queryAs(Label.class);
        int index = ex.mapProperty().get().indices()[0];
        waitFor(10, () -> hover.isVisible() && hover.getText().startsWith("#" + index + "  "));
        double before = map.firstPointX();
        robot.drag(firstPoint(map).add(5, 5)).moveBy(20, 0).moveBy(20, 0).release(MouseButton.PRIMARY);
        assertEquals(before + 40, map.firstPointX(), 2, "a drag pans");
        robot.doubleClickOn(map.localToScreen(LatentMapView.SIZE / 2, LatentMapView.SIZE / 2));
        assertEquals(1, map.viewport().zoom(), "a double-click fits everything in view");
        robot.clickOn("#map-colour").type(KeyCode.DOWN).type(KeyCode.ENTER); // "z01", after "class"
        // (a click on the text "z01" can land on the dimension slider's label of that name)
        assertTrue(robot.lookup("#map-legend").queryAs(MapLegend.class).getChildren().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().startsWith("z01")), "the legend names it");
    }
}
