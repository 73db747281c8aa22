package org.latentlab.ui;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.latentlab.checkpoint.Json;
import org.latentlab.engine.LatentEngine;
import org.latentlab.engine.TorchEngine;
import org.latentlab.ui.common.FxBackground;
import org.latentlab.ui.common.LatencyRecorder;
import org.latentlab.ui.explorer.MapFrameTimes;
import org.latentlab.ui.training.TrainingState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the window as a user meets it: start-up to a usable window, slider-to-image latency,
 * open-to-reconstruction time, and the longest FX-thread stall while training runs. Prints JSON.
 * Needs a display (for example Xvfb).
 */
public final class UiBenchmark extends Application {
    /** Opens the window, measures and prints JSON; returns when the window has closed. */
    public static void launchAndMeasure() {
        Application.launch(UiBenchmark.class);
    }

    private static final Logger LOG = LoggerFactory.getLogger(UiBenchmark.class);
    private static final int SLIDER_MOVES = 400;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private LatentEngine engine;
    private MainViewModel vm;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        engine = new TorchEngine();
        vm = new MainViewModel(engine, new FxBackground());
        Scene scene = LatentLabApp.mainScene(vm, null);
        stage.setScene(scene);
        stage.show();
        vm.start(() -> vm.explorer().imageProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Image> o,
                    Image a, Image b) {
                o.removeListener(this);
                long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
                results.put("startup_to_first_image_ms", System.currentTimeMillis() - jvmStart);
                afterFramesDrawn(2, () -> {
                    results.put("startup_to_usable_window_ms", System.currentTimeMillis() - jvmStart);
                    sliders();
                });
            }
        }));
    }

    /**
     * Runs {@code then} after {@code pulses} more pulses: a pulse waits for the previous pulse's
     * rendering, so with 2 the frame that first shows the current state has been drawn (the image
     * property is set a pulse or two before a user can see the image).
     */
    private static void afterFramesDrawn(int pulses, Runnable then) {
        new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen > pulses) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }

    /**
     * Moves a slider every 20 ms (faster than a drag event stream) and records change-to-image time:
     * first from the moment the window is usable (while the explorer still computes its directions
     * and map), then again once the map is shown.
     */
    private void sliders() {
        moveSliders("slider_to_image", () -> whenMapShown(() -> moveSliders("slider_to_image_settled",
                () -> MapFrameTimes.measure(stage.getScene(), map -> {
                    results.putAll(map);
                    encodes(new ArrayList<>(), 10);
                }))));
    }

    private void moveSliders(String key, Runnable then) {
        LatencyRecorder latency = vm.explorer().latency();
        int mark = latency.mark();
        // Where the explorer's analysis landed among the renders (its rows and map cost FX time).
        ListChangeListener<Object> directionsShown = c ->
                results.putIfAbsent(key + "_directions_shown_at_render", latency.mark() - mark);
        ChangeListener<Object> mapShown = (o, a, b) ->
                results.putIfAbsent(key + "_map_shown_at_render", latency.mark() - mark);
        vm.explorer().directions().addListener(directionsShown);
        vm.explorer().mapProperty().addListener(mapShown);
        Timeline t = new Timeline();
        for (int i = 0; i < SLIDER_MOVES; i++) {
            int k = i;
            t.getKeyFrames().add(new KeyFrame(Duration.millis(20 * (i + 1)),
                    e -> vm.explorer().dims().get(k % 4).set(Math.sin(k / 10.0))));
        }
        t.setOnFinished(e -> delay(500, () -> {
            vm.explorer().directions().removeListener(directionsShown);
            vm.explorer().mapProperty().removeListener(mapShown);
            results.put(key + "_ms_median", round(latency.quantileSince(mark, 0.5)));
            results.put(key + "_ms_p99", round(latency.quantileSince(mark, 0.99)));
            results.put(key + "_renders", latency.mark() - mark);
            results.put(key + "_slowest", slowest(latency.since(mark), 6));
            then.run();
        }));
        t.play();
    }

    /** The {@code k} longest durations as "ms@index" (index: the render's place in the run), longest first. */
    static List<String> slowest(double[] ms, int k) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ms.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(ms[b], ms[a]));
        List<String> out = new ArrayList<>();
        for (int i : order.subList(0, Math.min(k, order.size()))) {
            out.add(round(ms[i]) + "@" + i);
        }
        return out;
    }

    private void whenMapShown(Runnable then) {
        if (vm.explorer().mapProperty().get() != null) {
            then.run();
        } else {
            delay(100, () -> whenMapShown(then));
        }
    }

    private void encodes(List<Double> times, int left) {
        if (left == 0) {
            times.sort(Double::compare);
            results.put("open_to_reconstruction_ms_median", round(times.get(times.size() / 2)));
            results.put("open_to_reconstruction_ms_max", round(times.get(times.size() - 1)));
            training();
            return;
        }
        try {
            Path png = Files.createTempFile("latentlab-bench", ".png");
            BufferedImage img = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            g.setStroke(new BasicStroke(24));
            g.drawLine(80 + left * 5, 40, 200, 260);
            g.dispose();
            ImageIO.write(img, "png", png.toFile());
            var recon = vm.encoder().reconstructionProperty();
            recon.addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Image> o,
                        Image a, Image b) {
                    o.removeListener(this);
                    times.add(vm.encoder().lastEncodeMillis());
                    png.toFile().delete();
                    delay(50, () -> encodes(times, left - 1));
                }
            });
            vm.encoder().openFile(png);
        } catch (IOException e) {
            results.put("error", e.getMessage());
            finish();
        }
    }

    /**
     * Trains for a while with the default settings and records the longest gap between FX pulses:
     * first while the explorer shows (and a slider keeps moving), then again with the training
     * tab and its live charts in view.
     */
    private void training() {
        // Keep the explorer busy too, as a user exploring during training would.
        Timeline drag = new Timeline(new KeyFrame(Duration.millis(50),
                e -> vm.explorer().dims().get(1).set(Math.random() * 2 - 1)));
        drag.setCycleCount(Timeline.INDEFINITE);
        drag.play();
        trainAndTimePulses("while_training", () -> {
            TabPane tabs = (TabPane) stage.getScene().lookup("#tabs");
            tabs.getSelectionModel().select(2);
            delay(500, () -> trainAndTimePulses("while_training_charts_shown", this::finish));
        });
    }

    private void trainAndTimePulses(String key, Runnable then) {
        var s = vm.training().settings();
        try {
            s.outDirProperty().set(Files.createTempDirectory("latentlab-bench-run"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        s.stepsProperty().set(400);
        vm.training().forgetResume(); // a fresh model each time, not a resume of the last run
        LatencyRecorder gaps = new LatencyRecorder();
        AnimationTimer pulses = pulseTimer(gaps, System.nanoTime());
        var state = vm.training().stateProperty();
        state.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends TrainingState> o, TrainingState a,
                    TrainingState now) {
                if (now == TrainingState.IDLE) {
                    o.removeListener(this);
                    pulses.stop();
                    results.put("fx_pulse_gap_ms_max_" + key, round(gaps.quantile(1.0)));
                    results.put("fx_pulse_gap_ms_p99_" + key, round(gaps.quantile(0.99)));
                    results.put("training_status", vm.training().statusProperty().get());
                    then.run();
                }
            }
        });
        pulses.start();
        vm.training().start();
    }

    /** Records every gap between pulses, logging those over the 50 ms goal. */
    private AnimationTimer pulseTimer(LatencyRecorder gaps, long trainingStart) {
        return new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    gaps.record(now - last);
                    if (now - last > 50_000_000L) {
                        LOG.info("FX pulse gap of {} ms, {} s after training started ({})", (now - last) / 1_000_000,
                                String.format("%.1f", (now - trainingStart) / 1e9),
                                        vm.training().statusProperty().get());
                    }
                }
                last = now;
            }
        };
    }

    private void finish() {
        System.out.println(Json.COMPACT.toJson(results));
        engine.close();
        Platform.exit();
    }

    private static void delay(long ms, Runnable r) {
        Timeline t = new Timeline(new KeyFrame(Duration.millis(ms), e -> r.run()));
        t.play();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
