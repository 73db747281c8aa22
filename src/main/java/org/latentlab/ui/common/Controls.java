package org.latentlab.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;

/** The small control factories every view uses. */
public final class Controls {
    private Controls() {}

    public static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setMinWidth(Region.USE_PREF_SIZE); // a narrow window scrolls; it never cuts a label to "Re…"
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Page Up/Down move a stepped slider this many arrow-key steps. */
    public static final int PAGE_STEPS = 10;

    /**
     * A slider the keyboard moves by {@code step} per arrow key and {@link #PAGE_STEPS} steps per
     * Page Up/Down: JavaFX's default step is 10, which crosses a [-1, 1] range in one key press.
     */
    public static Slider stepped(Slider s, double step) {
        s.setBlockIncrement(step);
        s.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.PAGE_DOWN) {
                double by = (e.getCode() == KeyCode.PAGE_UP ? 1 : -1) * PAGE_STEPS * step;
                s.setValue(Math.max(s.getMin(), Math.min(s.getMax(), s.getValue() + by)));
                e.consume();
            }
        });
        return s;
    }

    /**
     * A tab's content in a scroll pane that fills the tab while the tab is at least
     * {@code minWidth} x {@code minHeight}, and scrolls as a whole below that (nothing cut in half).
     */
    public static ScrollPane scrollingTab(Region content, double minWidth, double minHeight) {
        content.setMinSize(minWidth, minHeight);
        ScrollPane sp = new ScrollPane(content);
        sp.setFitToWidth(true);
        sp.setFitToHeight(true);
        sp.getStyleClass().add("tab-scroll");
        return uncached(sp);
    }

    /**
     * A scroll pane whose viewport is not cached as one bitmap. The skin caches it (fast scrolling
     * on a GPU); then every change inside repaints the whole viewport: 24 ms a frame for the
     * explorer's slider column in the software pipeline (pulse logger), and a tab-wide scroll pane
     * doubled the slider's p99 (11.4 → 29.8 ms from the first frame, `dev ui-bench`).
     */
    public static ScrollPane uncached(ScrollPane sp) {
        sp.skinProperty().addListener((o, old, skin) -> {
            Node viewport = sp.lookup(".viewport");
            if (viewport != null) {
                viewport.setCache(false);
            }
        });
        return sp;
    }

    /** A label beside a control that keeps its whole text when the row is short of room ("St…" otherwise). */
    public static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
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
