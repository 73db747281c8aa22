package org.latentlab.ui;

import static org.latentlab.ui.common.Controls.scrollingTab;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.DragEvent;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.StatusBar;
import org.latentlab.ui.common.FileDialogs;
import org.latentlab.ui.encoder.EncoderView;
import org.latentlab.ui.explorer.ExplorerView;
import org.latentlab.ui.metrics.MetricsView;
import org.latentlab.ui.training.TrainingState;
import org.latentlab.ui.training.TrainingView;

/** A menu bar over tabs for the explorer, the encoder, training and metrics, over a status bar. */
public final class MainView extends BorderPane {
    /** The window without a desktop to open documents in (tests, tools): Documentation says where the README is. */
    public MainView(MainViewModel vm) {
        this(vm, null);
    }

    /** {@code openUri} opens a file or web address in the desktop's viewer (null: none). */
    public MainView(MainViewModel vm, Consumer<String> openUri) {
        TabPane tabs = new TabPane();
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ExplorerView explorerView = new ExplorerView(vm.explorer(), vm.checkpoints(), vm.folders());
        // Each tab fills the window down to its minimum size and scrolls as a whole below it; these
        // minimums fit a 1024×700 screen (the tab area is about 1020×615 there).
        Tab explorer = new Tab("Explorer", scrollingTab(explorerView, 990, 560));
        explorer.setId("tab-explorer");
        EncoderView encoderView = new EncoderView(vm.encoder(), vm.folders());
        Tab encoder = new Tab("Encoder", encoderView);
        encoder.setId("tab-encoder");
        TrainingView trainingView = new TrainingView(vm.training(), vm.folders());
        Tab training = new Tab("Training", scrollingTab(trainingView, 990, 560));
        training.setId("tab-training");
        trainingView.showingProperty().bind(training.selectedProperty());
        Tab metrics = new Tab("Metrics", scrollingTab(new MetricsView(vm.metrics()), 720, 520));
        metrics.setId("tab-metrics");
        tabs.getTabs().addAll(explorer, encoder, training, metrics);
        vm.onShowExplorer(() -> tabs.getSelectionModel().select(explorer));
        HelpDialogs help = new HelpDialogs(vm::versions, openUri != null ? openUri
                : uri -> vm.tell("Open " + uri + " to read the documentation."), this);
        setTop(AppMenus.bar(vm, new AppMenus.Views(tabs, explorerView, encoderView, trainingView), help,
                new FileDialogs(vm.folders(), this)));
        setCenter(tabs);
        // A model folder dropped anywhere opens it; the encoder takes dropped images itself.
        addEventFilter(DragEvent.DRAG_OVER, ModelMenu::dragOver);
        addEventFilter(DragEvent.DRAG_DROPPED, e -> ModelMenu.dropped(e, vm));
        setBottom(statusBar(vm));
    }

    private static StatusBar statusBar(MainViewModel vm) {
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
        return status;
    }
}
