package org.latentlab.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.latentlab.AppPaths;
import org.latentlab.engine.LatentEngine;
import org.latentlab.engine.TorchEngine;
import org.latentlab.ui.common.FolderMemory;
import org.latentlab.ui.common.FxBackground;
import org.latentlab.ui.explorer.Gallery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop window: opens with the model named on the command line, else the bundled MNIST model. */
public final class LatentLabApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(LatentLabApp.class);
    private static final long STARTED = System.nanoTime();
    private LatentEngine engine;

    @Override
    public void start(Stage stage) {
        engine = new TorchEngine();
        MainViewModel vm = new MainViewModel(engine, new FxBackground(),
                new RecentModels(AppPaths.configDir().resolve("recent-models.txt")),
                new FolderMemory(AppPaths.configDir().resolve("folders.properties")),
                new Gallery(AppPaths.configDir().resolve("gallery")));
        List<String> args = getParameters().getRaw();
        Path model = args.isEmpty() ? null : Path.of(args.get(0));
        Scene scene = mainScene(vm, getHostServices()::showDocument);
        stage.setTitle("Latent Lab");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            // Closing mid-run saves the run's last checkpoint first (the status line says so), then closes.
            if (!vm.training().closeRequested(() -> Platform.runLater(stage::close))) {
                stage.setTitle("Latent Lab — saving the last checkpoint before closing…");
                e.consume();
            }
        });
        stage.show();
        vm.start(model, () -> LOG.info("Ready: usable window {} ms after start",
                (System.nanoTime() - STARTED) / 1_000_000));
    }

    /** The main window's scene with the app's stylesheet; shared by the tools that open the window. */
    static Scene mainScene(MainViewModel vm, Consumer<String> openUri) {
        // As large as it was designed for, but never larger than the screen (a 1024×700 one included).
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return mainScene(vm, openUri, Math.min(1480, screen.getWidth()), Math.min(920, screen.getHeight()));
    }

    /** The main window's scene at {@code width} × {@code height}. */
    static Scene mainScene(MainViewModel vm, Consumer<String> openUri, double width, double height) {
        Scene scene = new Scene(new MainView(vm, openUri), width, height);
        scene.getStylesheets().add(Objects.requireNonNull(LatentLabApp.class.getResource(
                "latentlab.css")).toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        if (engine != null) {
            engine.close();
        }
    }
}
