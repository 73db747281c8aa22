package org.latentlab.ui.metrics;

import static org.latentlab.ui.common.Controls.button;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The evaluation figures of the current model and the class histogram of its samples. */
public final class MetricsView extends VBox {
    public MetricsView(MetricsViewModel vm) {
        super(10);
        setId("metrics-view");
        setPadding(new Insets(12));
        Button run = button("Evaluate current model", "Measure the model on its data's test set (about a minute)",
                vm::evaluate);
        run.setId("run-evaluation");
        run.disableProperty().bind(vm.runningProperty());
        Button cancel = button("Cancel", "Stop the evaluation; the figures shown stay", vm::cancel);
        cancel.setId("cancel-evaluation");
        cancel.disableProperty().bind(vm.runningProperty().not());
        ProgressBar busy = new ProgressBar();
        busy.setId("evaluation-progress");
        busy.setPrefWidth(160);
        busy.progressProperty().bind(vm.progressProperty());
        busy.visibleProperty().bind(vm.runningProperty());
        Label message = message(vm);
        TableView<MetricsViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("metrics-table");
        table.getColumns().add(column("Metric", 330, r -> r.name()));
        table.getColumns().add(column("Value", 120, r -> r.value()));
        table.getColumns().add(column("Compare with", 330, r -> r.reference()));
        table.setPrefHeight(420); // every row without scrolling; grows with the window
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY); // no empty filler column
        table.setPlaceholder(new Label("No figures yet."));
        table.setRowFactory(t -> new TableRow<>() { // each row's help in plain words
            @Override
            protected void updateItem(MetricsViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null || row.help().isEmpty() ? null : new Tooltip(row.help()));
            }
        });
        CategoryAxis x = new CategoryAxis();
        x.setLabel("class the classifier sees");
        NumberAxis y = new NumberAxis(); // auto range: a collapsed model can put most samples in one class
        y.setForceZeroInRange(true);
        y.setLabel("share of 10,000 samples");
        BarChart<String, Number> hist = new BarChart<>(x, y);
        hist.setAnimated(false);
        hist.setTitle("Class histogram of samples (mode collapse shows here)");
        hist.setId("class-histogram");
        hist.setPrefHeight(280);
        hist.setMinHeight(260);
        // no classifier of the model's data, no histogram: an empty chart would look like a broken one
        hist.visibleProperty().bind(Bindings.isNotEmpty(vm.histograms()));
        hist.managedProperty().bind(hist.visibleProperty());
        vm.histograms().addListener((ListChangeListener<MetricsViewModel.Histogram>) c -> {
            hist.getData().clear();
            for (MetricsViewModel.Histogram h : vm.histograms()) {
                XYChart.Series<String, Number> series = new XYChart.Series<>();
                series.setName(h.source());
                for (int i = 0; i < h.shares().length; i++) {
                    String name = i < vm.classNames().size() ? vm.classNames().get(i) : Integer.toString(i);
                    series.getData().add(new XYChart.Data<>(name, h.shares()[i]));
                }
                hist.getData().add(series);
            }
        });
        HBox top = new HBox(10, run, cancel, busy, message);
        HBox.setHgrow(message, Priority.ALWAYS);
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, table, hist);
    }

    /**
     * The evaluation's state, wrapped in whole lines however long (a note names the command that makes
     * a missing classifier, with its folders), and copyable from its context menu.
     */
    private static Label message(MetricsViewModel vm) {
        Label message = new Label();
        message.setId("evaluation-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE); // as tall as its lines, not cut to one
        message.setMaxWidth(Double.MAX_VALUE);
        MenuItem copy = new MenuItem("Copy message");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(message.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        message.setContextMenu(new ContextMenu(copy));
        return message;
    }

    private static TableColumn<MetricsViewModel.Row, String> column(String title, double width,
            Function<MetricsViewModel.Row, String> value) {
        TableColumn<MetricsViewModel.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
