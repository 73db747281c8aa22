package org.latentlab.ui.encoder;

import static org.latentlab.ui.common.Controls.button;
import static org.latentlab.ui.common.Controls.fixed;
import static org.latentlab.ui.common.Controls.title;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Refine z by gradient steps, with the reconstruction error's curve. */
final class RefinePanel extends VBox {
    RefinePanel(EncoderViewModel vm) {
        super(8);
        Spinner<Integer> steps = new Spinner<>(1, 500, vm.refineStepsProperty().get(), 10);
        steps.setEditable(true);
        steps.setPrefWidth(90);
        steps.valueProperty().addListener((o, a, b) -> vm.refineStepsProperty().set(b));
        Button refine = button("Refine z", "Gradient steps on z from E(x) to lower the reconstruction error",
                vm::refine);
        NumberAxis x = new NumberAxis();
        x.setLabel("step");
        NumberAxis y = new NumberAxis();
        y.setLabel("MSE");
        y.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefSize(380, 220);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        chart.getData().add(series);
        vm.refineErrors().addListener((ListChangeListener<Float>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && vm.refineErrors().isEmpty()) {
                    series.getData().clear();
                }
                for (Float e : c.getAddedSubList()) {
                    series.getData().add(new XYChart.Data<>(series.getData().size(), e));
                }
            }
        });
        // No curve, no chart: an empty chart kept the previous image's axes, as if they were this one's.
        chart.visibleProperty().bind(Bindings.isNotEmpty(vm.refineErrors()));
        Label none = new Label("Refine z to see the reconstruction error fall, step by step.");
        none.getStyleClass().add("caption");
        none.setWrapText(true);
        none.setMaxWidth(300);
        none.visibleProperty().bind(chart.visibleProperty().not());
        StackPane chartArea = new StackPane(chart, none);
        chartArea.setAlignment(Pos.TOP_LEFT);
        HBox row = new HBox(8, fixed("Steps"), steps, refine);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title("Refine the encoding"), row, chartArea);
    }
}
