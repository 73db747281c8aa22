package org.latentlab.ui.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.ui.DirectBackground;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Metrics tab at the smallest window: a long message wraps, whole; a histogram only with samples. */
@ExtendWith(ApplicationExtension.class)
class MetricsViewTest {
    /** The note a model without a classifier of its data gets, naming the command that makes one. */
    private static final String NOTE = "no classifier of Fashion-MNIST (/home/someone/data/fashion) was found"
            + " beside the model or in models/; make one with 'latentlab train-classifier --data"
            + " /home/someone/data/fashion --out <run folder>/classifier'";

    private MetricsViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new MetricsViewModel(null, new DirectBackground());
        stage.setScene(new Scene(new MetricsView(vm), 1024, 700));
        stage.show();
    }

    @Test
    void aLongNoteWrapsWholeInsideTheWindowAndItsMenuCopiesIt(FxRobot robot) {
        robot.interact(() -> vm.show(Map.of("one_nn_accuracy", 0.88, "classifier_note", NOTE)));
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#evaluation-message").queryAs(Label.class);
        assertEquals("Evaluated. Note: " + NOTE, message.getText());
        Text shown = (Text) message.lookup(".text");
        assertEquals(message.getText(), shown.getText(), "the message is cut");
        double right = message.localToScene(message.getLayoutBounds()).getMaxX();
        assertTrue(right <= 1024, "the message runs past the window: " + right);
        // Monocle sends no context-menu event on a right click: the menu's item is fired as a click on it would
        robot.interact(() -> message.getContextMenu().getItems().stream()
                .filter(i -> i.getText().equals("Copy message")).findFirst().orElseThrow().fire());
        assertEquals(message.getText(), clipboard(robot));
    }

    /** Figures without a classifier have no class histogram: no empty chart under them. */
    @Test
    void theHistogramShowsOnlyWithSamplesToCount(FxRobot robot) {
        robot.interact(() -> vm.show(Map.of("one_nn_accuracy", 0.88, "classifier_note", NOTE)));
        assertFalse(robot.lookup("#class-histogram").query().isVisible());
        robot.interact(() -> vm.show(Map.of("class_histogram", new double[] {0.5, 0.5})));
        assertTrue(robot.lookup("#class-histogram").query().isVisible());
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }
}
