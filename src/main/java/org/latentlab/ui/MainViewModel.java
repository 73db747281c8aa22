package org.latentlab.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentlab.engine.LatentEngine;
import org.latentlab.engine.ModelInfo;
import org.latentlab.explore.ExplorerSession;
import org.latentlab.explore.SessionFile;
import org.latentlab.ui.common.Background;
import org.latentlab.ui.common.FolderMemory;
import org.latentlab.ui.common.UserMessages;
import org.latentlab.ui.encoder.EncoderViewModel;
import org.latentlab.ui.explorer.CheckpointCompareViewModel;
import org.latentlab.ui.explorer.ExplorerViewModel;
import org.latentlab.ui.explorer.Gallery;
import org.latentlab.ui.metrics.MetricsViewModel;
import org.latentlab.ui.training.TrainingState;
import org.latentlab.ui.training.TrainingViewModel;

/** The window's view-models and what connects them: a model loaded or refreshed reaches every tab. */
public final class MainViewModel {
    private final LatentEngine engine;
    private final Background background;
    private final ExplorerViewModel explorer;
    private final EncoderViewModel encoder;
    private final TrainingViewModel training;
    private final MetricsViewModel metrics;
    private final CheckpointCompareViewModel checkpoints;
    private final ReadOnlyStringWrapper modelText = new ReadOnlyStringWrapper("No model loaded");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final RecentModels recent;
    private final FolderMemory folders;
    private Runnable showExplorer = () -> {};

    /** A window that remembers nothing between sessions (tests, tools). */
    public MainViewModel(LatentEngine engine, Background background) {
        this(engine, background, new RecentModels(null), new FolderMemory(null), new Gallery(null));
    }

    /** A window that keeps its recent models, dialog folders and galleries between sessions. */
    public MainViewModel(LatentEngine engine, Background background, RecentModels recent, FolderMemory folders,
            Gallery gallery) {
        this.engine = engine;
        this.background = background;
        this.recent = recent;
        this.folders = folders;
        this.explorer = new ExplorerViewModel(engine, background, gallery);
        this.encoder = new EncoderViewModel(engine, background, z -> {
            explorer.setZ(z);
            showExplorer.run();
        });
        this.training = new TrainingViewModel(engine, background);
        training.stateProperty().addListener((o, was, now) -> {
            if (now == TrainingState.IDLE) {
                explorer.refreshDirections(); // the run's final weights: its directions and map
            }
        });
        this.metrics = new MetricsViewModel(engine, background);
        this.checkpoints = new CheckpointCompareViewModel(engine, background, explorer);
        engine.subscribe(change -> background.onUiThread(() -> modelText.set(change.info().describe())));
    }

    /** Loads the bundled model; on failure the window stays usable for training. */
    public void start(Runnable whenReady) {
        start(null, whenReady);
    }

    /**
     * Loads {@code model} (a checkpoint or run folder), or the bundled model when it is null or
     * cannot be opened (the status line says why); on failure the window stays usable for training.
     */
    public void start(Path model, Runnable whenReady) {
        if (model != null && SessionFile.isSession(model)) {
            openSession(model, whenReady, () -> loadBundled(whenReady));
        } else if (model != null) {
            background.await(engine.loadModel(model), info -> opened(model, info, whenReady), e -> {
                notice.set("Could not open " + model + ": " + UserMessages.of(e) + " The bundled model is shown.");
                loadBundled(whenReady);
            });
        } else {
            loadBundled(whenReady);
        }
    }

    private void loadBundled(Runnable whenReady) {
        background.await(engine.loadBundledModel(), info -> { // the tabs hear of it from the engine
            // Open on a real image's code (test image #0; MNIST's is a 7) rather than z = 0, a blur of all.
            explorer.openOnTestImage(0);
            whenReady.run();
        }, e -> {
            notice.set("The bundled model could not be loaded (" + UserMessages.of(e)
                    + "). Open a model from the File menu or train one in the Training tab.");
            whenReady.run();
        });
    }

    /**
     * Opens a model for exploring (File → Open model, a dropped folder, a recent model): the
     * explorer shows it on its first test image, and it goes to the top of the recent models.
     */
    public void openModel(Path model) {
        notice.set("Opening " + model + "…");
        background.await(engine.loadModel(model), info -> opened(model, info, () -> showExplorer.run()),
                e -> notice.set("Could not open " + model + ": " + UserMessages.of(e)));
    }

    private void opened(Path model, ModelInfo info, Runnable then) {
        shown(model, info);
        notice.set("");
        explorer.openOnTestImage(0); // without its data the explorer says so and starts from z = 0
        then.run();
    }

    /** A model the user opened (alone or with a session): first of the recent ones, and what Start continues. */
    private void shown(Path model, ModelInfo info) {
        recent.opened(model);
        training.modelOpened(info); // as after the Training tab's "Load checkpoint…"
    }

    /** Opens a session file (File → Open session): its model, then the explorer's state as saved. */
    public void openSession(Path file) {
        openSession(file, showExplorer, () -> {});
    }

    private void openSession(Path file, Runnable then, Runnable otherwise) {
        ExplorerSession s;
        try {
            s = SessionFile.read(file);
        } catch (IOException e) {
            notice.set(e.getMessage());
            otherwise.run();
            return;
        }
        notice.set("Opening the session " + file.getFileName() + "…");
        background.await(engine.loadModel(s.model()), info -> {
            shown(s.model(), info);
            boolean restored = explorer.sessions().restore(s);
            notice.set(restored ? "Restored the session " + file.getFileName() + "." : "Could not restore the session "
                    + file.getFileName() + ": " + explorer.messageProperty().get());
            then.run();
        }, e -> {
            notice.set("Could not open the session's model " + s.model() + ": " + UserMessages.of(e));
            otherwise.run();
        });
    }

    /** Saves the explorer's state as a session file (File → Save session as); the status line says how it went. */
    public void saveSession(Path file) {
        ExplorerSession s = explorer.sessions().capture();
        if (s == null) {
            notice.set(explorer.messageProperty().get());
            return;
        }
        try {
            SessionFile.write(file, s);
            notice.set("Saved the session to " + file + ".");
        } catch (IOException e) {
            notice.set("Could not save the session to " + file + ": " + e.getMessage());
        }
    }

    /** Tells the user something in the status line (until the next notice). */
    public void tell(String message) {
        notice.set(message);
    }

    /** The folders the file dialogs were last used in. */
    public FolderMemory folders() {
        return folders;
    }

    /** The versions of the app, DJL, libtorch, Java and JavaFX (Help → About). */
    public Map<String, String> versions() {
        return engine.versions();
    }

    public RecentModels recent() {
        return recent;
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

    /** Two checkpoints of the explored model's run side by side (Explorer → Compare checkpoints). */
    public CheckpointCompareViewModel checkpoints() {
        return checkpoints;
    }

    public ReadOnlyStringProperty modelTextProperty() {
        return modelText.getReadOnlyProperty();
    }

    /** What the window has to tell about opening models (empty when there is nothing). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public Background background() {
        return background;
    }
}
