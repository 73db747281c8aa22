package org.latentlab.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentlab.engine.LatentEngine;
import org.latentlab.ui.common.Background;
import org.latentlab.ui.common.UserMessages;
import org.latentlab.ui.encoder.EncoderViewModel;
import org.latentlab.ui.explorer.ExplorerViewModel;
import org.latentlab.ui.metrics.MetricsViewModel;
import org.latentlab.ui.training.TrainingViewModel;

/** The window's view-models and what connects them: a model loaded or refreshed reaches every tab. */
public final class MainViewModel {
    private final LatentEngine engine;
    private final Background background;
    private final ExplorerViewModel explorer;
    private final EncoderViewModel encoder;
    private final TrainingViewModel training;
    private final MetricsViewModel metrics;
    private final ReadOnlyStringWrapper modelText = new ReadOnlyStringWrapper("No model loaded");
    private final ReadOnlyStringWrapper startupMessage = new ReadOnlyStringWrapper("");
    private Runnable showExplorer = () -> {};

    public MainViewModel(LatentEngine engine, Background background) {
        this.engine = engine;
        this.background = background;
        this.explorer = new ExplorerViewModel(engine, background);
        this.encoder = new EncoderViewModel(engine, background, z -> {
            explorer.setZ(z);
            showExplorer.run();
        });
        this.training = new TrainingViewModel(engine, background);
        this.metrics = new MetricsViewModel(engine, background);
        engine.subscribe(change -> background.onUiThread(() -> modelText.set(change.info().describe())));
    }

    /** Loads the bundled model; on failure the window stays usable for training. */
    public void start(Runnable whenReady) {
        background.await(engine.loadBundledModel(), info -> { // the tabs hear of it from the engine
            // Open on a real digit's code (test image #0, a 7) rather than z = 0, a blur of all digits.
            explorer.loadTestImage(0);
            whenReady.run();
        }, e -> {
            startupMessage.set("The bundled model could not be loaded (" + UserMessages.of(e)
                    + "). Train a model in the Training tab or load a checkpoint.");
            whenReady.run();
        });
    }

    public void onShowExplorer(Runnable r) {
        showExplorer = r;
    }

    public ExplorerViewModel explorer() {
        return explorer;
    }

    public EncoderViewModel encoder() {
        return encoder;
    }

    public TrainingViewModel training() {
        return training;
    }

    public MetricsViewModel metrics() {
        return metrics;
    }

    public ReadOnlyStringProperty modelTextProperty() {
        return modelText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty startupMessageProperty() {
        return startupMessage.getReadOnlyProperty();
    }

    public Background background() {
        return background;
    }
}
