package org.latentlab.ui.training;

import static org.latentlab.ui.common.Controls.button;
import static org.latentlab.ui.common.Controls.title;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.controlsfx.control.PropertySheet;
import org.latentlab.model.Architecture;
import org.latentlab.ui.common.PropertyItem;

/** Settings and controls on the left, live charts in the middle, progress grids on the right. */
public final class TrainingView extends BorderPane {
    static final int CHART_POINTS = 400;
    private final TrainingViewModel vm;
    private final BooleanProperty showing = new SimpleBooleanProperty(true);
    private boolean chartsStale;
    private final LiveChart losses = chart("training-losses", "loss", "D loss", "G+E loss");
    private final LiveChart outputs = chart("d-outputs", "mean D output", "D(x, E(x))", "D(G(z), z)");
    private final LiveChart recon = chart("recon-chart", "reconstruction MSE", "x vs G(E(x))");

    public TrainingView(TrainingViewModel vm) {
        this.vm = vm;
        setId("training-view");
        setPadding(new Insets(10));
        setLeft(settingsPane());
        VBox charts = new VBox(4, losses, outputs, recon);
        charts.setPadding(new Insets(0, 10, 0, 10));
        setCenter(charts);
        setRight(grids());
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

    private Node settingsPane() {
        TrainingSettings s = vm.settings();
        PropertySheet model = sheet("model-settings");
        PropertySheet training = sheet("training-settings");
        model.getItems().addAll(List.of(
                new PropertyItem(s.arch, Architecture.class, "Model", "Architecture",
                        "MLP: the default, fast, the best reconstructions and samples on MNIST. Conv:"
                        + " DCGAN-style, for colour and 64 px images; its codes separate classes better"
                        + " (linear probe 93 % against 91 % on MNIST), but it trains about 7x slower"),
                new PropertyItem(s.zdim, Integer.class, "Model", "Latent size", "Dimensions of z"),
                new PropertyItem(s.hidden, Integer.class, "Model", "Hidden width",
                        "Units per hidden layer (MLP) or base channels (conv)"),
                new PropertyItem(s.imageSize, Integer.class, "Model", "Image size",
                        "Pixels per side for image folders (28, 32, 64)"),
                new PropertyItem(s.channels, Integer.class, "Model", "Channels", "1 grayscale, 3 RGB (image folders)"),
                new PropertyItem(s.batchNorm, Boolean.class, "Model", "Batch norm in G, E", "Stabilises the game"),
                new PropertyItem(s.imageScore, Boolean.class, "Model", "Image score in D",
                        "D also judges images alone (BigBiGAN's unary score)"),
                new PropertyItem(s.dropout, Double.class, "Model", "Dropout in D", "Keeps D from winning too early")));
        training.getItems().addAll(List.of(
                new PropertyItem(s.steps, Integer.class, "Training", "Steps", "Total steps to reach"),
                new PropertyItem(s.batch, Integer.class, "Training", "Batch size", "Images per step"),
                new PropertyItem(s.lrD, Double.class, "Training", "D learning rate", "Adam, beta1 0.5"),
                new PropertyItem(s.lrGE, Double.class, "Training", "G+E learning rate", "Adam, beta1 0.5"),
                new PropertyItem(s.lambdaX, Double.class, "Training", "x-cycle weight",
                        "Weight of ||x - G(E(x))||² (0 = off)"),
                new PropertyItem(s.lambdaZ, Double.class, "Training", "z-cycle weight",
                        "Weight of ||z - E(G(z))||² (0 = off)"),
                new PropertyItem(s.cycleShift, Integer.class, "Training", "x-cycle shift (px)",
                        "E sees x moved by up to this many pixels; G must still draw x (0 = off)"),
                new PropertyItem(s.seed, Integer.class, "Training", "Seed", "Same seed, same run")));
        model.setPrefHeight(215);
        training.setPrefHeight(245); // eight rows without a scroll bar
        Label data = new Label();
        data.setId("data-label");
        data.textProperty().bind(Bindings.concat("Data: ", s.data));
        Button mnist = button("Bundled MNIST", "Train on the MNIST copy that ships with the app",
                () -> s.data.set("mnist"));
        Button folder = button("Folder…", "A folder of IDX files (MNIST layout) or of images (subfolders = labels)",
                () -> {
            File f = chooseFolder("Choose a data folder");
            if (f != null) {
                s.data.set(f.getAbsolutePath());
            }
        });
        Label out = new Label();
        out.setWrapText(true);
        out.textProperty().bind(Bindings.concat("Checkpoints go to: ", s.outDir.asString()));
        Button outButton = button("Change folder…", "Where this run's checkpoints are written", () -> {
            File f = chooseFolder("Folder for this run's checkpoints");
            if (f != null) {
                s.outDir.set(f.toPath());
            }
        });
        VBox box = new VBox(8, title("Data"), data, new HBox(6, mnist, folder), title("Model"), model,
                title("Training"), training, out, outButton, controls());
        box.setPrefWidth(340);
        box.setMinWidth(320);
        return box;
    }

    private static PropertySheet sheet(String id) {
        PropertySheet sheet = new PropertySheet();
        sheet.setId(id);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        return sheet;
    }

    private Node controls() {
        Button start = button("Start", "Start training (continues a loaded checkpoint, if any)", vm::start);
        start.setId("start-training");
        start.disableProperty().bind(vm.stateProperty().isNotEqualTo(TrainingState.IDLE));
        Button pause = button("Pause", "Pause or resume training", () -> {
            if (vm.stateProperty().get() == TrainingState.PAUSED) {
                vm.resume();
            } else {
                vm.pause();
            }
        });
        pause.setId("pause-training");
        pause.textProperty().bind(Bindings.when(vm.stateProperty().isEqualTo(TrainingState.PAUSED)).then(
                "Resume").otherwise("Pause"));
        pause.disableProperty().bind(vm.stateProperty().isNotEqualTo(TrainingState.RUNNING)
                .and(vm.stateProperty().isNotEqualTo(TrainingState.PAUSED)));
        Button stop = button("Stop", "Stop after this step and save a checkpoint", vm::stop);
        stop.setId("stop-training");
        stop.disableProperty().bind(pause.disableProperty());
        Button load = button("Load checkpoint…", "Load a checkpoint folder to explore it or continue training it",
                () -> {
            File f = chooseFolder("Choose a checkpoint folder");
            if (f != null) {
                vm.loadCheckpoint(f.toPath());
            }
        });
        load.disableProperty().bind(vm.stateProperty().isNotEqualTo(TrainingState.IDLE));
        Button save = button("Save checkpoint as…", "Copy the newest checkpoint to a folder of your choice", () -> {
            File f = chooseFolder("Save the checkpoint into (a new folder inside it is created)");
            if (f != null) {
                vm.saveCheckpoint(f.toPath().resolve("latentlab-step-" + System.currentTimeMillis()));
            }
        });
        Label resume = new Label();
        resume.setWrapText(true);
        resume.textProperty().bind(Bindings.createStringBinding(() -> vm.resumeFromProperty().get() == null
                ? "Start trains a new model." : "Start continues " + vm.resumeFromProperty().get().getFileName() + ".",
                vm.resumeFromProperty()));
        Button scratch = button("New model", "Train the next run from scratch", vm::forgetResume);
        scratch.disableProperty().bind(vm.resumeFromProperty().isNull());
        Label error = new Label();
        error.setId("training-error");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        return new VBox(6, new HBox(6, start, pause, stop), new HBox(6, load, save), new HBox(6, resume, scratch),
                error);
    }

    private Node grids() {
        ImageView samples = new ImageView();
        samples.setId("sample-grid");
        samples.setFitWidth(300);
        samples.setPreserveRatio(true);
        samples.setSmooth(false);
        ImageView pairs = new ImageView();
        pairs.setId("recon-grid");
        pairs.setFitWidth(300);
        pairs.setPreserveRatio(true);
        pairs.setSmooth(false);
        Slider scrub = new Slider(0, 0, 0);
        scrub.setId("grid-scrubber");
        scrub.setBlockIncrement(1);
        scrub.setMajorTickUnit(1);
        scrub.setSnapToTicks(true);
        Label stepLabel = new Label("No grids yet: start training.");
        stepLabel.setWrapText(true);
        Runnable show = () -> {
            int i = vm.history().selectedFrameProperty().get();
            if (i >= 0 && i < vm.history().frames().size()) {
                GridFrame f = vm.history().frames().get(i);
                samples.setImage(f.samples());
                pairs.setImage(f.reconstructions());
                stepLabel.setText(String.format(Locale.ROOT, "Step %,d  (%d of %d recorded) · reconstruction MSE %.4f",
                        f.step(), i + 1, vm.history().frames().size(), f.reconstructionError()));
            }
        };
        vm.history().frames().addListener((ListChangeListener<GridFrame>) c -> scrub.setMax(Math.max(0,
                vm.history().frames().size() - 1)));
        scrub.valueProperty().addListener((o, a,
                b) -> vm.history().selectedFrameProperty().set((int) Math.round(b.doubleValue())));
        vm.history().selectedFrameProperty().addListener((o, a, b) -> {
            scrub.setValue(b.intValue());
            show.run();
        });
        VBox box = new VBox(6, title("Samples G(z), fixed z from the prior"), samples,
                title("Real x | reconstruction G(E(x))"), pairs,
                scrub, stepLabel);
        box.setPrefWidth(310);
        return box;
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

    private File chooseFolder(String title) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        return dc.showDialog(getScene().getWindow());
    }

}
