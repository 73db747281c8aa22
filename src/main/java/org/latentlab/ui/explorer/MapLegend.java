package org.latentlab.ui.explorer;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import org.latentlab.engine.LatentMap;
import org.latentlab.ui.common.Palette;

/**
 * The map's legend at its foot: the class names with their colours, laid out by JavaFX in rows
 * (Fashion-MNIST's "T-shirt/top" needs more room than a digit), or, when a latent dimension
 * colours the points, its name and range on the colour ramp.
 */
final class MapLegend extends FlowPane {
    MapLegend() {
        super(10, 2);
        setId("map-legend");
        getStyleClass().add("map-legend");
        setMouseTransparent(true); // the dots under it still answer hover and click
        setPrefWrapLength(LatentMapView.SIZE - 12);
        setAlignment(Pos.CENTER_LEFT);
    }

    /** The legend of {@code m} coloured as {@code colours} says (by dimension {@code dim}, or by class). */
    void show(LatentMap m, MapColours.Result colours, int dim) {
        getChildren().clear();
        if (m == null) {
            return;
        }
        if (dim >= 0 && dim < m.zdim()) {
            Rectangle ramp = new Rectangle(120, 8, new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                    new Stop(0, MapColours.LOW), new Stop(0.5, MapColours.MID), new Stop(1, MapColours.HIGH)));
            getChildren().addAll(new Label(String.format(Locale.ROOT, "z%02d   %.2f", dim + 1, colours.low())), ramp,
                    new Label(String.format(Locale.ROOT, "%.2f", colours.high())));
            return;
        }
        String[] names = m.classNames();
        for (int c = 0; c < names.length; c++) {
            Label entry = new Label(names[c], new Circle(4, Palette.of(c)));
            entry.setMnemonicParsing(false);
            getChildren().add(entry);
        }
    }
}
