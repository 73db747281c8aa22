package org.latentlab.ui.training;

import static org.latentlab.ui.common.Controls.title;

import java.util.Locale;
import javafx.beans.binding.DoubleExpression;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

/**
 * The training tab's grids at a recorded step: what G draws from the prior and from a density of
 * E(x) refitted as the model trains (the two ways the explorer's Randomize draws), and real x
 * beside G(E(x)); a scrubber walks back through the recorded steps.
 */
final class ProgressGrids extends VBox {
    /** Height besides the grids: four titles, the scrubber and the step's two lines. */
    static final double CHROME_HEIGHT = 200;

    private final TrainingHistory history;
    private final ImageView prior = view("sample-grid");
    private final ImageView density = view("density-grid");
    private final ImageView pairs = view("recon-grid");
    private final Label densityTitle = wrapped(title("From a density of E(x), refitted as it trains"));
    private final Label stepLabel = new Label("No grids yet: start training.");

    /** @param gridWidth the width every grid is drawn at */
    ProgressGrids(TrainingHistory history, DoubleExpression gridWidth) {
        super(6);
        this.history = history;
        for (ImageView v : new ImageView[] {prior, density, pairs}) {
            v.fitWidthProperty().bind(gridWidth);
        }
        densityTitle.managedProperty().bind(densityTitle.visibleProperty());
        density.managedProperty().bind(density.visibleProperty());
        stepLabel.setWrapText(true);
        getChildren().addAll(wrapped(title("From the prior U(-1, 1)")), prior, densityTitle, density,
                wrapped(title("Real x | reconstruction G(E(x))")), pairs, scrubber(), stepLabel);
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
        stepLabel.setText(String.format(Locale.ROOT, "Step %,d  (%d of %d recorded) · reconstruction MSE %.4f",
                f.step(), i + 1, history.frames().size(), f.reconstructionError()));
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
