package org.latentlab.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.DragEvent;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.StatusBar;
import org.latentlab.ui.encoder.EncoderView;
import org.latentlab.ui.explorer.ExplorerView;
import org.latentlab.ui.metrics.MetricsView;
import org.latentlab.ui.training.TrainingState;
import org.latentlab.ui.training.TrainingView;

/** A File menu over tabs for the explorer, the encoder, training and metrics, over a status bar. */
public final class MainView extends BorderPane {
    public MainView(MainViewModel vm) {
        TabPane tabs = new TabPane();
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab explorer = new Tab("Explorer", new ExplorerView(vm.explorer()));
        explorer.setId("tab-explorer");
        Tab encoder = new Tab("Encoder", new EncoderView(vm.encoder()));
        encoder.setId("tab-encoder");
        TrainingView trainingView = new TrainingView(vm.training());
        Tab training = new Tab("Training", trainingView);
        training.setId("tab-training");
        trainingView.showingProperty().bind(training.selectedProperty());
        Tab metrics = new Tab("Metrics", new MetricsView(vm.metrics()));
        metrics.setId("tab-metrics");
        tabs.getTabs().addAll(explorer, encoder, training, metrics);
        vm.onShowExplorer(() -> tabs.getSelectionModel().select(explorer));
        setTop(ModelMenu.bar(vm));
        setCenter(tabs);
        // A model folder dropped anywhere opens it; the encoder takes dropped images itself.
        addEventFilter(DragEvent.DRAG_OVER, ModelMenu::dragOver);
        addEventFilter(DragEvent.DRAG_DROPPED, e -> ModelMenu.dropped(e, vm));
        StatusBar status = new StatusBar();
        status.setId("status-bar");
        status.textProperty().bind(Bindings.createStringBinding(() -> !vm.noticeProperty().get().isEmpty()
                ? vm.noticeProperty().get() : vm.training().statusProperty().get(),
                vm.noticeProperty(), vm.training().statusProperty()));
        status.progressProperty().bind(Bindings.when(vm.training().stateProperty().isEqualTo(
                TrainingState.IDLE)).then(0.0).otherwise(vm.training().progressProperty()));
        Label model = new Label();
        model.textProperty().bind(vm.modelTextProperty());
        status.getRightItems().add(model);
        setBottom(status);
    }
}
