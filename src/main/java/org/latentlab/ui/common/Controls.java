package org.latentlab.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** The small control factories every view uses. */
public final class Controls {
    private Controls() {}

    public static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    public static Label title(String text) {
        return styled(text, "section-title");
    }

    public static Label caption(String text) {
        return styled(text, "caption");
    }

    private static Label styled(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        return l;
    }
}
