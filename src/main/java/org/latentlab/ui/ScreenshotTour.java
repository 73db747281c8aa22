package org.latentlab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.latentlab.engine.LatentEngine;
import org.latentlab.engine.MapMethod;
import org.latentlab.engine.TorchEngine;
import org.latentlab.ui.common.AwtImages;
import org.latentlab.ui.common.FxBackground;
import org.latentlab.ui.encoder.CompareViewModel;
import org.latentlab.ui.explorer.DirectionMaker;
import org.latentlab.ui.explorer.MapFrameTimes;
import org.latentlab.ui.training.TrainingState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives every tab through the view-models as a user would (explore, encode and refine, interpolate,
 * train, evaluate) and saves a PNG of the window at each stop, for the README and the docs. Needs a
 * display (for example Xvfb). The first raw parameter is the output folder.
 */
public final class ScreenshotTour extends Application {
    /**
     * Runs the tour, saving PNGs into {@code out}; returns when the window has closed. {@code size}
     * ("1024x700") and {@code model} (a model folder instead of the bundled model) may be null.
     */
    public static void launchInto(String out, String size, String model) {
        Application.launch(ScreenshotTour.class, out, size == null ? "" : size, model == null ? "" : model);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotTour.class);
    private static final long TIMEOUT_MS = 180_000;
    private LatentEngine engine;
    private MainViewModel vm;
    private Scene scene;
    private Path out;

    @Override
    public void start(Stage stage) throws IOException {
        out = Files.createDirectories(Path.of(getParameters().getRaw().get(0)));
        engine = new TorchEngine();
        vm = new MainViewModel(engine, new FxBackground());
        List<String> raw = getParameters().getRaw();
        if (!raw.get(1).isEmpty()) {
            String[] wh = raw.get(1).split("x");
            scene = LatentLabApp.mainScene(vm, null, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        } else {
            scene = LatentLabApp.mainScene(vm, null);
        }
        stage.setTitle("Latent Lab");
        stage.setScene(scene);
        stage.show();
        if (raw.get(2).isEmpty()) {
            vm.start(() -> after(1500, this::explorer));
        } else {
            vm.start(Path.of(raw.get(2)), () -> after(1500, this::explorer));
        }
    }

    /** Three random z's remembered in the gallery, as a user clicking Randomize would; then a direction moved. */
    private void explorer() {
        rememberRandom(3, () -> {
            var ex = vm.explorer();
            if (!ex.directions().isEmpty()) {
                ex.directions().get(0).amountProperty().set(0.8);
            }
            after(1500, () -> {
                shoot("explorer.png");
                map();
            });
        });
    }

    /**
     * A direction of one's own (the first gallery image to the second), the map laid out by UMAP
     * and zoomed in to thumbnails; then the comparison of the run's first and last checkpoints.
     */
    private void map() {
        var ex = vm.explorer();
        ex.directionMaker().add(DirectionMaker.Group.A, ex.gallery().get(0).z());
        ex.directionMaker().add(DirectionMaker.Group.B, ex.gallery().get(1).z());
        ex.directionMaker().nameProperty().set("first to second");
        ex.directionMaker().make();
        ex.map().methodProperty().set(MapMethod.UMAP);
        waitUntil(() -> ex.mapProperty().get() != null && ex.mapProperty().get().method() == MapMethod.UMAP, () -> {
            MapFrameTimes.zoomAtFirstPoint(scene, 30);
            after(2500, () -> {
                shoot("explorer-map.png");
                ((Button) scene.lookup("#compare-open")).fire();
                after(2500, () -> {
                    shootWindow("#compare-checkpoints", "explorer-compare.png");
                    walk();
                });
            });
        });
    }

    /** The walk's window opened on the three remembered images, its preview playing. */
    private void walk() {
        ((Button) scene.lookup("#walk-open")).fire();
        vm.explorer().walk().framesPerLegProperty().set(20);
        vm.explorer().walk().preview();
        waitUntil(() -> !vm.explorer().walk().frames().isEmpty(), () -> after(1200, () -> {
            shootWindow("#walk-dialog", "explorer-walk.png");
            encoder();
        }));
    }

    private void rememberRandom(int left, Runnable then) {
        if (left == 0) {
            then.run();
            return;
        }
        vm.explorer().randomize();
        after(500, () -> {
            vm.explorer().remember();
            rememberRandom(left - 1, then);
        });
    }

    private void encoder() {
        select(1);
        var en = vm.encoder();
        en.interpolation().randomTestImageAs(true);
        en.interpolation().randomTestImageAs(false);
        en.encodeRandomTestImage();
        waitUntil(() -> en.reconstructionProperty().get() != null && !en.busyProperty().get(), () -> {
            en.refine();
            waitUntil(() -> !en.busyProperty().get() && !en.refineErrors().isEmpty(), () -> {
                en.interpolation().interpolate();
                waitUntil(() -> en.interpolation().stripProperty().get() != null && !en.busyProperty().get(),
                        () -> after(1000, () -> {
                            en.compare().modeProperty().set(CompareViewModel.Mode.WIPE); // x | G(E(x))
                            shoot("encoder.png");
                            training();
                        }));
            });
        });
    }

    private void training() {
        select(2);
        var tr = vm.training();
        try {
            tr.settings().outDirProperty().set(Files.createTempDirectory("latentlab-tour-run"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tr.settings().stepsProperty().set(5000);
        tr.start();
        waitUntil(() -> tr.progressProperty().get() >= 0.3, () -> {
            shoot("training.png");
            tr.stop();
            waitUntil(() -> tr.stateProperty().get() == TrainingState.IDLE, () -> {
                tr.history().selectStep(tr.history().frames().get(tr.history().frames().size() / 2).step());
                after(1000, () -> {
                    shoot("training-history.png"); // the grids of a step mid-run, every chart's cursor on it
                    metrics();
                });
            });
        });
    }

    private void metrics() {
        select(3);
        vm.metrics().evaluate();
        after(500, () -> waitUntil(() -> !vm.metrics().runningProperty().get(), () -> after(1000, () -> {
            shoot("metrics.png");
            engine.close();
            Platform.exit();
        })));
    }

    private void select(int tab) {
        ((TabPane) scene.lookup("#tabs")).getSelectionModel().select(tab);
    }

    /** A PNG of the tool window holding {@code id}, which is then closed. */
    private void shootWindow(String id, String name) {
        Window.getWindows().stream().filter(w -> w.getScene().lookup(id) != null).findFirst().ifPresent(w -> {
            shoot(w.getScene(), name);
            w.hide();
        });
    }

    private void shoot(String name) {
        shoot(scene, name);
    }

    private void shoot(Scene what, String name) {
        try {
            ImageIO.write(AwtImages.toAwt(what.snapshot(null)), "png", out.resolve(name).toFile());
            LOG.info("wrote {}", out.resolve(name));
        } catch (IOException e) {
            LOG.error("Could not write {}: {}", name, e.getMessage());
        }
    }

    /** Polls {@code condition} on the FX thread every 200 ms; gives up (and exits) after three minutes. */
    private void waitUntil(BooleanSupplier condition, Runnable then) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(200), e -> {
            if (condition.getAsBoolean()) {
                poll.stop();
                then.run();
            } else if (System.currentTimeMillis() > deadline) {
                poll.stop();
                LOG.error("The screenshot tour timed out");
                Platform.exit();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private static void after(long ms, Runnable r) {
        new Timeline(new KeyFrame(Duration.millis(ms), e -> r.run())).play();
    }
}
