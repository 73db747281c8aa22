package org.latentlab.ui.training;

import static org.latentlab.ui.common.Controls.button;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.latentlab.ui.common.FileDialogs;
import org.latentlab.ui.common.FolderMemory;

/** Settings and controls on the left, live charts in the middle, progress grids on the right. */
public final class TrainingView extends BorderPane {
    static final int CHART_POINTS = 400;
    private final TrainingViewModel vm;
    private final FileDialogs dialogs;
    private final BooleanProperty showing = new SimpleBooleanProperty(true);
    private boolean chartsStale;
    private final LiveChart losses = chart("training-losses", "loss", "D loss", "G+E loss");
    private final LiveChart outputs = chart("d-outputs", "mean D output", "D(x, E(x))", "D(G(z), z)");
    private final LiveChart recon = chart("recon-chart", "reconstruction MSE", "x vs G(E(x))");

    public TrainingView(TrainingViewModel vm, FolderMemory folders) {
        this.vm = vm;
        this.dialogs = new FileDialogs(folders, this);
        setId("training-view");
        setPadding(new Insets(10));
        // The settings scroll on their own; the run's buttons stay in view under them, as do the charts.
        ScrollPane settings = new ScrollPane(new SettingsPane(vm.settings(), dialogs, vm::forgetResume,
                vm.resumeFromProperty().isNotNull()));
        settings.setId("training-settings-scroll");
        settings.setFitToWidth(true);
        settings.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        settings.setMinHeight(120);
        VBox.setVgrow(settings, Priority.ALWAYS);
        VBox left = new VBox(8, settings, controls());
        left.setMinWidth(350);
        left.setPrefWidth(370);
        setLeft(left);
        VBox charts = new VBox(4, losses, outputs, recon);
        charts.setPadding(new Insets(0, 10, 0, 10));
        setCenter(charts);
        setRight(grids());
        for (LiveChart c : new LiveChart[] {losses, outputs, recon}) { // one step control: grids and charts
            vm.history().selectedStepProperty().addListener((o, was, now) -> c.setStepCursor(now.doubleValue()));
            c.setOnStepChosen(vm.history()::selectStep);
        }
        setBottom(progressRow());
        // Charts are redrawn only while the tab shows: on 2 cores, laying out and painting three
        // hidden charts ten times a second took CPU from the tab the user is looking at.
        vm.chartVersionProperty().addListener((o, a, b) -> {
            if (showing.get()) {
                redraw();
            } else {
                chartsStale = true;
            }
        });
        showing.addListener((o, was, now) -> {
            if (now && chartsStale) {
                chartsStale = false;
                redraw();
            }
        });
    }

    /** Whether the tab is selected; MainView binds it. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    private Node controls() {
        Button start = button("Start", "Start training (continues a loaded checkpoint, if any)", vm::start);
        start.setId("start-training");
        RunActions actions = new RunActions(vm);
        start.disableProperty().bind(actions.canStartProperty().not());
        Button pause = button("Pause", "Pause or resume training", actions::pauseOrResume);
        pause.setId("pause-training");
        pause.textProperty().bind(Bindings.when(vm.stateProperty().isEqualTo(TrainingState.PAUSED)).then(
                "Resume").otherwise("Pause"));
        pause.disableProperty().bind(actions.runGoingProperty().not());
        Button stop = button("Stop", "Stop after this step and save a checkpoint", vm::stop);
        stop.setId("stop-training");
        stop.disableProperty().bind(pause.disableProperty());
        Button load = button("Load checkpoint…", "Load a checkpoint folder to explore it or continue training it",
                this::loadCheckpoint);
        load.disableProperty().bind(vm.stateProperty().isNotEqualTo(TrainingState.IDLE));
        Button save = button("Save checkpoint as…", "Save the model as it is now (its weights, optimizer and recipe)",
                this::saveCheckpointAs);
        save.setId("save-checkpoint-as");
        Label resume = new Label();
        resume.setWrapText(true);
        resume.textProperty().bind(Bindings.createStringBinding(() -> vm.resumeFromProperty().get() == null
                ? "Start trains a new model." : "Start continues " + vm.resumeFromProperty().get().getFileName() + ".",
                vm.resumeFromProperty()));
        Button scratch = button("New model", "Train the next run from scratch", vm::forgetResume);
        scratch.disableProperty().bind(vm.resumeFromProperty().isNull());
        Label problem = new Label();
        problem.setId("settings-problem");
        problem.getStyleClass().add("error");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.settings().problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        Label error = new Label();
        error.setId("training-error");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        return new VBox(6, problem, new HBox(6, start, pause, stop), new HBox(6, load, save),
                new HBox(6, resume, scratch), error);
    }

    private Node grids() {
        // As large as the window allows (about 410 px at 1920×1080): the three grids (two of four
        // rows, one of eight) and their chrome fit the height, 200 to 460 px.
        var gridWidth = Bindings.createDoubleBinding(() -> Math.max(200, Math.min(460,
                Math.min(getWidth() * 0.22, (getHeight() - ProgressGrids.CHROME_HEIGHT) / 2))), widthProperty(),
                heightProperty());
        return new ProgressGrids(vm.history(), gridWidth);
    }

    private Node progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("training-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(400);
        Label text = new Label();
        text.setId("progress-text");
        text.textProperty().bind(vm.progressTextProperty());
        HBox row = new HBox(10, bar, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(8, 0, 0, 0));
        return row;
    }

    private void redraw() {
        double[] span = vm.history().stepSpan();
        for (LiveChart c : new LiveChart[] {losses, outputs, recon}) {
            c.setStepSpan(span[0], span[1]);
        }
        fill(losses, vm.history().series("lossD"), vm.history().series("lossGE"));
        fill(outputs, vm.history().series("dReal"), vm.history().series("dFake"));
        fill(recon, vm.history().series("recon"));
    }

    private static void fill(LiveChart chart, SeriesStore... stores) {
        List<List<float[]>> points = new ArrayList<>();
        for (SeriesStore s : stores) {
            points.add(s.decimated(CHART_POINTS));
        }
        chart.setPoints(points);
    }

    private static LiveChart chart(String id, String yLabel, String... series) {
        LiveChart c = new LiveChart(yLabel, series);
        c.setId(id);
        VBox.setVgrow(c, Priority.ALWAYS);
        return c;
    }

    /** File → Open model's twin for continuing a run: the checkpoint becomes the next run's start. */
    public void loadCheckpoint() {
        dialogs.chooseFolder("model", "Choose a checkpoint folder", TrainingSettings.runsFolder())
                .ifPresent(vm::loadCheckpoint);
    }

    /** A save dialog named after the model's step; saves the weights as they are now. */
    public void saveCheckpointAs() {
        dialogs.saveFile("checkpoint", "Save the checkpoint as (a folder of that name is created)",
                vm.suggestedCheckpointName(), TrainingSettings.runsFolder(), null).ifPresent(vm::saveCheckpointAs);
    }


}
