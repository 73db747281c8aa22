package org.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.image.Image;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.engine.LatentEngine;
import org.latentlab.engine.ModelInfo;
import org.latentlab.ui.common.FxImages;
import org.latentlab.ui.encoder.EncoderViewModel;
import org.latentlab.ui.explorer.ExplorerImage;
import org.latentlab.ui.explorer.ExplorerViewModel;
import org.latentlab.ui.explorer.LatentText;
import org.latentlab.ui.training.SeriesStore;
import org.latentlab.ui.training.TrainingState;
import org.latentlab.ui.training.TrainingViewModel;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** View-model logic without any view: formatting, validation and state changes. */
class ViewModelTest {
    static LatentEngine engine;
    @TempDir Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage(); // images need the toolkit; no scene is built
        engine = new LatentEngine();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    @Test
    void latentTextRoundTripsAndExplainsBadInput() {
        float[] z = {0.5f, -1f, 0.25f};
        assertArrayEquals(z, LatentText.parse(LatentText.format(z), 3), 1e-4f);
        assertArrayEquals(z, LatentText.parse("z = (0.5 -1 0.25)", 3), 1e-6f);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LatentText.parse("1, 2", 3)).getMessage()
                .contains("Expected 3 numbers"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LatentText.parse("0.1, 7, 0", 3)).getMessage()
                .contains("outside the latent range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LatentText.parse("0.1, x, 0", 3)).getMessage()
                .contains("'x' is not a number"));
        assertEquals(1f, LatentText.parseValue(" 3 "));
    }

    @Test
    void seriesStoreDecimatesLongRuns() {
        SeriesStore s = new SeriesStore();
        for (int i = 1; i <= 100_000; i++) {
            s.add(i, i % 2 == 0 ? 1f : 3f);
        }
        var pts = s.decimated(400);
        assertEquals(400, pts.size());
        assertEquals(2f, pts.get(10)[1], 1e-3f);
        assertTrue(pts.get(399)[0] > 99_000);
        SeriesStore few = new SeriesStore();
        few.add(1, 0.5f);
        assertEquals(1, few.decimated(400).size());
    }

    /** Mean Euclidean distance between successive Randomize draws. */
    private static double meanDistanceOfDraws(ExplorerViewModel vm, int draws) {
        double total = 0;
        float[] previous = null;
        for (int i = 0; i < draws; i++) {
            vm.randomize();
            float[] z = vm.effectiveZ();
            if (previous != null) {
                double d = 0;
                for (int k = 0; k < z.length; k++) {
                    d += (z[k] - previous[k]) * (z[k] - previous[k]);
                }
                total += Math.sqrt(d);
            }
            previous = z;
        }
        return total / (draws - 1);
    }

    @Test
    void explorerRendersSetsPastesAndRemembers() throws Exception {
        onFxThread(this::explorerRendersSetsPastesAndRemembersOnFx); // its images are written on the FX thread
    }

    /** Runs {@code body} on the FX thread (the "UI thread" of {@link DirectBackground}) and rethrows what it threw. */
    private static void onFxThread(Callable<Void> body) throws Exception {
        try {
            WaitForAsyncUtils.asyncFx(body).get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw (Exception) e.getCause();
        }
    }

    private Void explorerRendersSetsPastesAndRemembersOnFx() throws Exception {
        ExplorerViewModel vm = new ExplorerViewModel(engine, new DirectBackground());
        var info = engine.loadBundledModel().get();
        assertTrue(info.fittedDensity(), "the bundled model ships its latent density");
        int[] listChanges = new int[2]; // the view rebuilds every row on each change: one change per list
        vm.dims().addListener((ListChangeListener<Object>) c -> listChanges[0]++);
        vm.directions().addListener((ListChangeListener<Object>) c -> listChanges[1]++);
        vm.modelChanged(info, true);
        assertArrayEquals(new int[] {1, 1}, listChanges, "sliders and directions arrive as one change each");
        assertTrue(vm.randomizeTipProperty().get().contains("fitted"), vm.randomizeTipProperty().get());
        assertTrue(vm.randomizeTipProperty().get().contains("temperature 0.70"), vm.randomizeTipProperty().get());
        vm.temperatureProperty().set(0.3);
        assertTrue(vm.randomizeTipProperty().get().contains("temperature 0.30"), vm.randomizeTipProperty().get());
        vm.modelProperty().set(new ModelInfo(info.config(), info.train(), info.step(), info.dataset(), null,
                info.metrics(), false));
        assertTrue(vm.randomizeTipProperty().get().contains("prior U(-1, 1)"),
                "a model without a density samples the prior");
        vm.modelProperty().set(info);
        assertEquals(32, vm.dims().size());
        Image first = vm.imageProperty().get();
        assertNotNull(first);
        assertEquals(ExplorerImage.IMAGE_PIXELS, first.getWidth(), "drawn 1:1 in the view");
        vm.dims().get(0).set(0.9);
        assertTrue(vm.imageProperty().get() != first, "a slider move sets the image");
        assertFalse(samePixels(first, vm.imageProperty().get()), "with new pixels, the previous frame kept");
        assertFalse(vm.directions().isEmpty(), "principal and class directions");
        assertEquals(8 + 10, vm.directions().size());
        assertNotNull(vm.mapProperty().get());
        String text = vm.copyText();
        vm.reset();
        assertEquals(0.0, vm.dims().get(0).get());
        assertTrue(vm.pasteText(text));
        assertEquals(0.9, vm.dims().get(0).get(), 1e-4);
        assertFalse(vm.pasteText("1 2 3"));
        assertTrue(vm.messageProperty().get().contains("Expected 32"));
        assertFalse(vm.setDimText(3, "abc"));
        float[] remembered = vm.effectiveZ();
        vm.remember();
        assertEquals(1, vm.gallery().size());
        Assertions.assertArrayEquals(remembered, vm.gallery().get(0).z());
        vm.randomize();
        assertFalse(Arrays.equals(remembered, vm.effectiveZ()), "randomize draws a new z");
        // At a temperature near 0 the draws sit at the mixture's component means: two draws are
        // then far more alike than draws at 1 (the bundled density has 100 components).
        vm.temperatureProperty().set(1.0);
        double spreadAtOne = meanDistanceOfDraws(vm, 20);
        vm.temperatureProperty().set(0.05);
        double spreadCool = meanDistanceOfDraws(vm, 20);
        assertTrue(spreadCool < spreadAtOne, "cooler draws vary less: " + spreadCool + " vs " + spreadAtOne);
        vm.temperatureProperty().set(0.7);
        vm.remember();
        assertEquals(2, vm.gallery().size());
        assertFalse(samePixels(vm.gallery().get(0).thumbnail(), vm.gallery().get(1).thumbnail()),
                "each thumbnail is rendered from its own z");
        vm.directions().get(0).amountProperty().set(2.0);
        float[] moved = vm.effectiveZ();
        assertFalse(Arrays.equals(moved, vm.rawZ()), "a direction moves z");
        assertTrue(vm.latency().count() > 3);
        return null;
    }

    @Test
    void encoderShowsReconstructionAndClearErrors() throws Exception {
        float[][] sent = new float[1][];
        EncoderViewModel vm = new EncoderViewModel(engine, new DirectBackground(), z -> sent[0] = z);
        vm.modelChanged(engine.loadBundledModel().get());
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        vm.openFile(text);
        assertTrue(vm.failedProperty().get());
        assertTrue(vm.messageProperty().get().contains("not a readable image"), vm.messageProperty().get());
        vm.encodeRandomTestImage();
        assertFalse(vm.failedProperty().get(), vm.messageProperty().get());
        assertNotNull(vm.reconstructionProperty().get());
        assertTrue(vm.errorTextProperty().get().contains("reconstruction error"));
        vm.refineStepsProperty().set(10);
        float before = vm.current().error();
        vm.refine();
        assertEquals(11, vm.refineErrors().size());
        assertTrue(vm.current().error() <= before + 1e-6f, "refinement does not make it worse");
        vm.useCurrentAs(true);
        vm.interpolation().interpolate();
        assertTrue(vm.failedProperty().get(), "B is missing");
        vm.interpolation().randomTestImageAs(false);
        vm.interpolation().framesProperty().set(5);
        vm.interpolation().interpolate();
        assertEquals(5, vm.interpolation().animationFrames().size());
        Path gif = dir.resolve("a.gif");
        vm.interpolation().exportGif(gif);
        assertTrue(Files.size(gif) > 100);
        vm.interpolation().exportStrip(dir.resolve("a.png"));
        assertTrue(Files.exists(dir.resolve("a.png")));
        vm.sendToExplorer();
        assertEquals(32, sent[0].length);
        vm.encodePicture(null, "the clipboard");
        assertTrue(vm.messageProperty().get().contains("no image"));
    }

    @Test
    void trainingRefusesInvalidSettingsWithAMessage() {
        TrainingViewModel vm = new TrainingViewModel(engine, new DirectBackground(), info -> {});
        vm.settings().zdimProperty().set(0);
        vm.start();
        assertEquals(TrainingState.IDLE, vm.stateProperty().get());
        assertTrue(vm.errorProperty().get().contains("Latent size"), vm.errorProperty().get());
        vm.settings().zdimProperty().set(8);
        vm.settings().batchProperty().set(1);
        vm.start();
        assertTrue(vm.errorProperty().get().contains("Batch size"));
        vm.settings().batchProperty().set(32);
        vm.settings().cycleShiftProperty().set(9);
        vm.start();
        assertEquals(TrainingState.IDLE, vm.stateProperty().get());
        assertTrue(vm.errorProperty().get().contains("x-cycle shift must be 0 to 4 pixels"), vm.errorProperty().get());
        vm.saveCheckpoint(dir.resolve("x"));
        assertTrue(vm.errorProperty().get().contains("no checkpoint yet"));
        vm.loadCheckpoint(dir.resolve("missing"));
        assertTrue(vm.errorProperty().get().contains("not found"));
    }

    private static boolean samePixels(Image a, Image b) {
        return Arrays.equals(FxImages.argb(a), FxImages.argb(b));
    }
}
