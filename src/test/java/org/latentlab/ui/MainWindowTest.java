package org.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.cli.Cli;
import org.latentlab.data.GeneratedData;
import org.latentlab.model.Architecture;
import org.latentlab.ui.common.FxImages;
import org.latentlab.ui.training.LiveChart;
import org.latentlab.ui.training.TrainingState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless (Monocle): what a user does, end to end. */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class MainWindowTest extends RealWindow {
    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        open(stage, 1260, 780);
    }

    private Image explorerImage(FxRobot robot) {
        return robot.lookup("#explorer-image").queryAs(ImageView.class).getImage();
    }

    /** The explorer image's pixels, read on the FX thread (its two images are rewritten in turn there). */
    private int[] explorerPixels(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> FxImages.argb(explorerImage(robot))).get(10, TimeUnit.SECONDS);
    }

    @Test
    void opensWithTheBundledModelAndSlidersChangeTheImage(FxRobot robot) throws Exception {
        waitFor(30, () -> explorerImage(robot) != null);
        assertTrue(vm.modelTextProperty().get().contains("mnist-bigan"));
        int[] before = explorerPixels(robot);
        Slider s = robot.lookup("#dim-0").queryAs(Slider.class);
        robot.drag(s.lookup(".thumb")).moveBy(60, 0).release(MouseButton.PRIMARY);
        waitFor(10, () -> !Arrays.equals(explorerPixels(robot), before));
        assertTrue(s.getValue() > 0.1, "the drag moved the slider: " + s.getValue());
        robot.clickOn("#randomize");
        waitFor(10, () -> Math.abs(vm.explorer().dims().get(5).get()) > 0);
        Node emptyGallery = robot.lookup("#gallery-empty").query();
        assertTrue(emptyGallery.isVisible(), "an empty gallery says what it is for");
        robot.clickOn("Remember");
        waitFor(10, () -> !emptyGallery.isVisible());
    }

    @Test
    void openingAnImageShowsItsReconstructionAndABadFileAnError(FxRobot robot) throws Exception {
        waitFor(30, () -> explorerImage(robot) != null);
        robot.clickOn("#tab-encoder .tab-label");
        BufferedImage img = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 120);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(10));
        g.drawOval(30, 20, 60, 80);
        g.dispose();
        Path png = dir.resolve("zero.png");
        ImageIO.write(img, "png", png.toFile());
        robot.interact(() -> vm.encoder().openFile(png));
        waitFor(20, () -> robot.lookup("#reconstruction").queryAs(ImageView.class).getImage() != null);
        assertTrue(robot.lookup("#reconstruction-error").queryAs(Label.class).getText().contains("error"));
        Path text = Files.writeString(dir.resolve("readme.txt"), "hello");
        robot.interact(() -> vm.encoder().openFile(text));
        waitFor(10, ()
                -> robot.lookup("#encoder-message").queryAs(Label.class).getText().contains("not a readable image"));
        assertTrue(robot.lookup("#encoder-message").queryAs(Label.class).getStyleClass().contains("error"));
    }

    /** Closing the window mid-run saves the run's last checkpoint, then closes. */
    @Test
    void closingMidRunSavesTheLastCheckpointFirst(FxRobot robot) throws Exception {
        waitFor(30, () -> explorerImage(robot) != null);
        robot.interact(() -> smallLongRun(dir.resolve("closing")));
        robot.interact(() -> vm.training().start());
        waitFor(60, () -> vm.training().history().series("lossD").size() >= 2);
        CountDownLatch closed = new CountDownLatch(1);
        boolean[] closesAtOnce = new boolean[1];
        robot.interact(() -> closesAtOnce[0] = vm.training().closeRequested(closed::countDown));
        assertTrue(!closesAtOnce[0], "the window stays open while the run saves");
        assertTrue(closed.await(60, TimeUnit.SECONDS), "the window closed after the save");
        var m = Checkpoints.readManifest(dir.resolve("closing"));
        assertTrue(m.step() > 0, "a checkpoint of the run's last step");
    }

    @Test
    void aShortTrainingRunUpdatesChartsAndCanBePausedAndStopped(FxRobot robot) throws Exception {
        waitFor(30, () -> explorerImage(robot) != null);
        robot.clickOn("#tab-training .tab-label");
        robot.interact(() -> smallLongRun(dir.resolve("run")));
        robot.clickOn("#start-training");
        waitFor(60, () -> vm.training().history().series("lossD").size() >= 3);
        // The charts redraw while their tab shows (they skip redraws while it is hidden).
        waitFor(10, () -> robot.lookup("#training-losses").queryAs(LiveChart.class).pointCount(0) > 0);
        waitFor(30, () -> !vm.training().history().frames().isEmpty());
        assertNotNull(robot.lookup("#sample-grid").queryAs(ImageView.class).getImage());
        robot.clickOn("#pause-training");
        waitFor(10, () -> vm.training().stateProperty().get() == TrainingState.PAUSED);
        // Paused means the training thread is parked on its control, not merely slow: once it waits
        // there, no step can be recorded until Resume.
        waitFor(10, () -> parkedTrainingThreads() == 1);
        int pausedAt = vm.training().history().series("lossD").size();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(pausedAt, vm.training().history().series("lossD").size(), "no progress while paused");
        assertEquals(1, parkedTrainingThreads(), "still parked");
        robot.clickOn("#pause-training"); // resume
        waitFor(30, () -> vm.training().history().series("lossD").size() > pausedAt);
        // Refine needs autograd, which training holds step by step: both go on (they used to fail each other).
        robot.interact(() -> vm.encoder().encodeRandomTestImage());
        waitFor(30, () -> !vm.encoder().busyProperty().get() && vm.encoder().errorTextProperty().get().contains("MSE"));
        robot.interact(() -> vm.encoder().refine());
        waitFor(30, () -> vm.encoder().messageProperty().get().equals("Refined."));
        int afterRefine = vm.training().history().series("lossD").size();
        waitFor(30, () -> vm.training().history().series("lossD").size() > afterRefine);
        assertEquals(TrainingState.RUNNING, vm.training().stateProperty().get(), vm.training().errorProperty().get());
        // Evaluate's linear probe needs autograd too: it finishes while training goes on.
        int beforeEvaluation = vm.training().history().series("lossD").size();
        robot.interact(() -> vm.metrics().evaluate());
        waitFor(10, () -> vm.metrics().runningProperty().get());
        waitFor(240, () -> !vm.metrics().runningProperty().get()); // with the raw pixels' figures, measured once
        assertTrue(!vm.metrics().rows().isEmpty(), vm.metrics().messageProperty().get());
        assertTrue(vm.training().history().series("lossD").size() > beforeEvaluation,
                "training stepped during the evaluation");
        assertEquals(TrainingState.RUNNING, vm.training().stateProperty().get(), vm.training().errorProperty().get());
        robot.clickOn("#stop-training");
        waitFor(60, () -> vm.training().stateProperty().get() == TrainingState.IDLE);
        assertTrue(vm.training().statusProperty().get().startsWith("Stopped at step"),
                vm.training().statusProperty().get());
        Path last = vm.training().lastCheckpointProperty().get();
        assertNotNull(last);
        assertTrue(Files.exists(last.resolve("latent-density.json")), "the last checkpoint holds its density");
        // The explorer now shows the trained model (latent size 8), and Randomize draws from its density.
        waitFor(20, () -> vm.explorer().dims().size() == 8);
        waitFor(20, () -> vm.explorer().modelProperty().get().fittedDensity());
        // The run's history: a typed step moves the grids and every chart's cursor to the nearest recorded step.
        long first = vm.training().history().frames().get(0).step();
        robot.clickOn("#history-step").write(Long.toString(first)).type(KeyCode.ENTER);
        assertEquals(0, vm.training().history().selectedFrameProperty().get());
        assertEquals(first, robot.lookup("#recon-chart").queryAs(LiveChart.class).stepCursor());
    }

    /**
     * The conv architecture on a folder of colour images, from the window: Start, the run ends,
     * its grids are in colour, and the explorer shows the new RGB model.
     */
    @Test
    void aConvModelTrainsOnAColourFolder(FxRobot robot) throws Exception {
        waitFor(30, () -> explorerImage(robot) != null);
        Path folder = GeneratedData.folder(dir.resolve("colour"), 30, 48, true);
        robot.clickOn("#tab-training .tab-label");
        robot.interact(() -> {
            var s = vm.training().settings();
            s.dataProperty().set(folder.toString());
            s.archProperty().set(Architecture.CONV);
            s.imageSizeProperty().set(32);
            s.channelsProperty().set(3);
            s.hiddenProperty().set(8);
            s.zdimProperty().set(8);
            s.batchProperty().set(16);
            s.stepsProperty().set(30);
            s.outDirProperty().set(dir.resolve("conv-run"));
        });
        robot.clickOn("#start-training");
        waitFor(120, () -> vm.training().stateProperty().get() == TrainingState.IDLE
                && vm.training().statusProperty().get().startsWith("Finished"));
        assertTrue(vm.training().statusProperty().get().startsWith("Finished at step 30"),
                vm.training().statusProperty().get() + " / " + vm.training().errorProperty().get());
        Image grid = robot.lookup("#sample-grid").queryAs(ImageView.class).getImage();
        int[] px = WaitForAsyncUtils.asyncFx(() -> FxImages.argb(grid)).get(10, TimeUnit.SECONDS);
        assertTrue(Arrays.stream(px).anyMatch(p -> (p >> 16 & 0xFF) != (p & 0xFF)), "the grid is in colour");
        waitFor(30, () -> vm.explorer().modelProperty().get().config().channels() == 3);
        assertEquals(8, vm.explorer().dims().size());
        assertNotNull(explorerImage(robot));
    }

    /**
     * A model of other data (generated shapes with class names) opened as a user would: its class
     * names reach the map, it goes to the recent models, and with its data folder gone it still
     * opens and explores, saying what needs the data.
     */
    @Test
    void aModelOfOtherDataOpensWithItsClassNamesAndStillExploresWithoutItsData(FxRobot robot) throws Exception {
        waitFor(30, () -> explorerImage(robot) != null);
        Path data = GeneratedData.idx(dir.resolve("shapes"), 300, 60);
        Path run = dir.resolve("shapes-run");
        assertEquals(0, Cli.run(new String[] {"train", "--data", data.toString(), "--steps", "2", "--zdim", "4",
            "--hidden", "16", "--batch", "16", "--no-density", "--threads", "1", "--out", run.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        robot.interact(() -> vm.openModel(run));
        waitFor(30, () -> vm.modelTextProperty().get().startsWith("shapes-run · shapes"));
        waitFor(30, () -> vm.explorer().mapProperty().get() != null
                && List.of(vm.explorer().mapProperty().get().classNames()).equals(GeneratedData.CLASSES));
        waitFor(10, () -> robot.lookup("#map-legend .label").queryAllAs(Label.class).stream().map(Label::getText)
                .toList().equals(GeneratedData.CLASSES));
        assertEquals(run.toAbsolutePath().normalize(), vm.recent().models().get(0));
        robot.clickOn("#menu-file");
        robot.clickOn("Open recent");
        assertTrue(robot.lookup("shapes-run  —  " + run.toAbsolutePath().normalize()).tryQuery().isPresent());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE).press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        try (var files = Files.list(data)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(data);
        robot.interact(() -> vm.openModel(run));
        waitFor(30, () -> vm.explorer().messageProperty().get().contains("not there any more"));
        int[] before = explorerPixels(robot);
        robot.interact(() -> vm.explorer().dims().get(0).set(0.9));
        waitFor(10, () -> !Arrays.equals(explorerPixels(robot), before));
    }

    /** Settings for a small model and a run long enough to be interrupted. */
    private void smallLongRun(Path out) {
        var s = vm.training().settings();
        s.hiddenProperty().set(64);
        s.zdimProperty().set(8);
        s.batchProperty().set(32);
        s.stepsProperty().set(100_000);
        s.outDirProperty().set(out);
    }

    /** Training threads waiting in their control's pause (not merely idle between runs). */
    private static long parkedTrainingThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals("latentlab-training")
                && e.getKey().getState() == Thread.State.WAITING)
                .filter(e -> Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getMethodName().startsWith("awaitRunnable")))
                .count();
    }
}
