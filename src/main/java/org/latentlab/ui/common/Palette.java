package org.latentlab.ui.common;

import javafx.scene.paint.Color;

/** Ten distinguishable colours for class labels (Tableau 10), grey for unlabelled points. */
public final class Palette {
    private static final Color[] COLORS = {
        Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"), Color.web("#76b7b2"), Color.web("#59a14f"),
        Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"), Color.web("#9c755f"), Color.web("#bab0ac")};

    private Palette() {}

    public static Color of(int label) {
        return label < 0 ? Color.GRAY : COLORS[label % COLORS.length];
    }
}
