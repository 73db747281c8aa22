package org.latentlab.ui.explorer;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.latentlab.ui.common.Controls;

/**
 * The direction sliders as a grid: names, sliders and values in columns, so every slider starts
 * where the others do whatever its name's length ("toward Ankle boot" beside "PC1").
 */
final class DirectionGrid {
    private DirectionGrid() {}

    static GridPane of(List<DirectionAmount> directions) {
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
            Slider s = Controls.stepped(new Slider(pc ? -3 : -1.5, pc ? 3 : 1.5, 0), 0.1);
            s.valueProperty().bindBidirectional(d.amountProperty());
            s.setTooltip(new Tooltip(pc ? "Standard deviations along " + d.name()
                    : "1 = from the mean code to the class mean"));
            s.setMaxWidth(Double.MAX_VALUE);
            Label amount = new Label();
            amount.textProperty().bind(d.amountProperty().asString(Locale.ROOT, "%.2f"));
            grid.addRow(row++, new Label(d.name()), s, amount);
        }
        return grid;
    }
}
