package org.latentlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.ui.FxThread;

/** Keyboard steps of the explorer's sliders: small per arrow key, ten of them per Page Up/Down. */
class ControlsTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxThread.start();
    }

    private static void press(Slider s, KeyCode code) {
        Event.fireEvent(s, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
    }

    @Test
    void arrowKeysStepAndPageKeysJumpTenStepsWithinTheRange() throws Exception {
        FxThread.run(() -> {
            Slider s = Controls.stepped(new Slider(-1, 1, 0), 0.05);
            new Scene(new StackPane(s));
            s.applyCss(); // the skin, whose behaviour maps the arrow keys
            press(s, KeyCode.RIGHT);
            assertEquals(0.05, s.getValue(), 1e-9, "one step, not across the range");
            press(s, KeyCode.PAGE_UP);
            assertEquals(0.55, s.getValue(), 1e-9);
            press(s, KeyCode.PAGE_UP);
            assertEquals(1.0, s.getValue(), 1e-9, "clamped at the end");
            press(s, KeyCode.PAGE_DOWN);
            assertEquals(0.5, s.getValue(), 1e-9);
            return null;
        });
    }
}
