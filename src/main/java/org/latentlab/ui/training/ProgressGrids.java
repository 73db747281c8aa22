package org.latentlab.ui.training;

import static org.latentlab.ui.common.Controls.title;

import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleExpression;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The training tab's grids at a recorded step: what G draws from the prior and from a density of
 * E(x) refitted as the model trains (the two ways the explorer's Randomize draws), and real x
 * beside G(E(x)). One step control for the whole history: the scrubber, Play and a typed step
 * choose the recorded step, which the charts mark with their cursor (a click on a chart chooses too).
 */
final class ProgressGrids extends VBox {
    /** Height besides the grids: four titles, the scrubber, Play and the step's two lines. */
    static final double CHROME_HEIGHT = 236;
    /** Play shows five recorded steps a second. */
    static final Duration PLAY_FRAME = Duration.millis(200);

    private final TrainingHistory history;
    private final ImageView prior = view("sample-grid");
    private final ImageView density = view("density-grid");
    private final ImageView pairs = view("recon-grid");
    private final Label densityTitle = wrapped(title("From a density fitted to E(x)"));
    private final Label pairsTitle = wrapped(title("Real x | reconstruction G(E(x))"));
    private final Label stepLabel = new Label("No grids yet: start training.");

    /** @param gridWidth the width every grid is drawn at */
    ProgressGrids(TrainingHistory history, DoubleExpression gridWidth) {
        super(6);
        this.history = history;
        for (ImageView v : new ImageView[] {prior, density, pairs}) {
            v.fitWidthProperty().bind(gridWidth);
        }
        for (Node n : new Node[] {densityTitle, density, pairsTitle, pairs}) {
            n.managedProperty().bind(n.visibleProperty());
        }
        stepLabel.setWrapText(true);
        densityTitle.setTooltip(new Tooltip("While the model trains, a small density refitted to E(x) every few"
                + " hundred steps; for a model opened from disk, the density fitted after its training"));
        getChildren().addAll(wrapped(title("From the prior U(-1, 1)")), prior, densityTitle, density,
                pairsTitle, pairs, scrubber(), playback(), stepLabel);
        prefWidthProperty().bind(gridWidth.add(10));
        setMinWidth(240);
    }

    private Slider scrubber() {
        Slider scrub = new Slider(0, 0, 0);
        scrub.setId("grid-scrubber");
        scrub.setBlockIncrement(1);
        scrub.setMajorTickUnit(1);
        scrub.setSnapToTicks(true);
        history.frames().addListener((ListChangeListener<GridFrame>) c -> scrub.setMax(Math.max(0,
                history.frames().size() - 1)));
        scrub.valueProperty().addListener((o, a, b) -> history.selectedFrameProperty().set((int) Math.round(
                b.doubleValue())));
        history.selectedFrameProperty().addListener((o, a, b) -> {
            scrub.setValue(b.intValue());
            show();
        });
        return scrub;
    }

    /** Play through the recorded steps, and a step typed to jump to. */
    private HBox playback() {
        Timeline playing = new Timeline();
        Button play = new Button("Play");
        play.setTooltip(new Tooltip("Play the run's recorded steps: the grids and the charts' cursor"));
        play.setId("history-play");
        playing.getKeyFrames().setAll(new KeyFrame(PLAY_FRAME, e -> {
            if (!history.next()) {
                playing.stop();
                play.setText("Play");
            }
        }));
        playing.setCycleCount(Animation.INDEFINITE);
        play.setOnAction(e -> {
            if (playing.getStatus() == Animation.Status.RUNNING) {
                playing.stop();
                play.setText("Play");
                return;
            }
            if (history.selectedFrameProperty().get() >= history.frames().size() - 1) {
                history.selectedFrameProperty().set(0); // from the start again
            }
            play.setText("Pause");
            playing.play();
        });
        play.disableProperty().bind(Bindings.size(history.frames()).lessThan(2));
        TextField step = new TextField();
        step.setId("history-step");
        step.setPromptText("go to step");
        step.setPrefColumnCount(8);
        step.setOnAction(e -> jumpTo(step));
        HBox row = new HBox(6, play, step);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void jumpTo(TextField field) {
        String text = field.getText().strip().replace(",", "").replace("_", "");
        try {
            long shown = history.selectStep(Long.parseLong(text));
            field.setText(shown < 0 ? "" : Long.toString(shown));
            if (shown < 0) {
                stepLabel.setText("No grids yet: start training.");
            }
        } catch (NumberFormatException e) {
            stepLabel.setText("'" + field.getText() + "' is not a step: type a number such as 1200.");
        }
    }

    private void show() {
        int i = history.selectedFrameProperty().get();
        if (i < 0 || i >= history.frames().size()) {
            return;
        }
        GridFrame f = history.frames().get(i);
        prior.setImage(f.samples());
        Image d = f.densitySamples();
        density.setImage(d);
        density.setVisible(d != null);
        densityTitle.setVisible(d != null);
        pairs.setImage(f.reconstructions());
        pairs.setVisible(f.reconstructions() != null);
        pairsTitle.setVisible(f.reconstructions() != null);
        String at = String.format(Locale.ROOT, "Step %,d  (%d of %d recorded)", f.step(), i + 1,
                history.frames().size());
        stepLabel.setText(f.reconstructions() == null ? at + " · no reconstructions: the model's data are not here"
                : at + String.format(Locale.ROOT, " · reconstruction MSE %.4f", f.reconstructionError()));
    }

    private static ImageView view(String id) {
        ImageView v = new ImageView();
        v.setId(id);
        v.setPreserveRatio(true);
        v.setSmooth(false);
        return v;
    }

    /** The column narrows on a small window: titles wrap rather than cut. */
    private static Label wrapped(Label l) {
        l.setWrapText(true);
        return l;
    }
}
