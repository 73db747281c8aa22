package org.latentlab.ui.explorer;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.latentlab.ui.common.Controls;

/**
 * The direction sliders as a grid: names, sliders and values in columns, so every slider starts
 * where the others do whatever its name's length ("toward Ankle boot" beside "PC1").
 */
final class DirectionGrid {
    private DirectionGrid() {}

    static GridPane of(List<DirectionAmount> directions) {
        return of(directions, d -> {});
    }

    /** The grid; the user's own directions have a × that calls {@code forget}. */
    static GridPane of(List<DirectionAmount> directions, Consumer<DirectionAmount> forget) {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(2);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(80);
        ColumnConstraints slider = new ColumnConstraints();
        slider.setHgrow(Priority.ALWAYS);
        ColumnConstraints value = new ColumnConstraints();
        value.setMinWidth(40);
        grid.getColumnConstraints().addAll(name, slider, value);
        int row = 0;
        for (DirectionAmount d : directions) {
            boolean pc = d.kind().startsWith("principal");
            boolean yours = DerivedViews.YOURS.equals(d.kind());
            Slider s = Controls.stepped(new Slider(pc ? -3 : -1.5, pc ? 3 : 1.5, 0), 0.1);
            s.valueProperty().bindBidirectional(d.amountProperty());
            s.setTooltip(new Tooltip(pc ? "Standard deviations along " + d.name()
                    : yours ? "1 = from group A's mean code to group B's"
                    : "1 = from the mean code to the class mean"));
            s.setMaxWidth(Double.MAX_VALUE);
            Label amount = new Label();
            amount.textProperty().bind(d.amountProperty().asString(Locale.ROOT, "%.2f"));
            Label title = new Label(d.name());
            title.setMnemonicParsing(false);
            title.setMinWidth(Region.USE_PREF_SIZE); // the slider gives way, never the name ("toward Ankle b…")
            grid.addRow(row, title, s, amount);
            if (yours) {
                Button remove = Controls.button("×", "Remove this direction of yours", () -> forget.accept(d));
                remove.getStyleClass().add("small");
                grid.add(remove, 3, row);
            }
            row++;
        }
        return grid;
    }
}
