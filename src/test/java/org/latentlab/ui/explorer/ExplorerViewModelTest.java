package org.latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.engine.ModelInfo;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.latent.LatentPrior;
import org.latentlab.ui.DirectBackground;
import org.latentlab.ui.FakeEngine;
import org.latentlab.ui.FxThread;
import org.latentlab.ui.common.FxImages;

/** The explorer's view-model on a fake engine: one behaviour per test, on the FX thread (its images live there). */
class ExplorerViewModelTest {
    private final FakeEngine engine = new FakeEngine(true);

    @BeforeAll
    static void toolkit() throws Exception {
        FxThread.start();
    }

    private ExplorerViewModel loaded() {
        ExplorerViewModel vm = new ExplorerViewModel(engine, new DirectBackground());
        engine.loadBundledModel(); // the engine tells every tab
        return vm;
    }

    private static boolean samePixels(Image a, Image b) {
        return Arrays.equals(FxImages.argb(a), FxImages.argb(b));
    }

    @Test
    void slidersAndDirectionsArriveAsOneChangeEach() throws Exception {
        FxThread.run(() -> {
            ExplorerViewModel vm = new ExplorerViewModel(engine, new DirectBackground());
            int[] changes = new int[2]; // the view rebuilds every row on each change
            vm.dims().addListener((ListChangeListener<Object>) c -> changes[0]++);
            vm.directions().addListener((ListChangeListener<Object>) c -> changes[1]++);
            engine.loadBundledModel();
            assertArrayEquals(new int[] {1, 1}, changes);
            assertEquals(FakeEngine.ZDIM, vm.dims().size());
            assertEquals(3, vm.directions().size());
            assertNotNull(vm.mapProperty().get());
            return null;
        });
    }

    @Test
    void aSliderMoveDrawsNewPixelsAndKeepsThePreviousFrame() throws Exception {
        FxThread.run(() -> {
            ExplorerViewModel vm = loaded();
            Image first = vm.imageProperty().get();
            assertNotNull(first);
            assertEquals(ExplorerImage.IMAGE_PIXELS, first.getWidth(), "drawn 1:1 in the view");
            vm.dims().get(0).set(0.9);
            assertNotSame(first, vm.imageProperty().get());
            assertFalse(samePixels(first, vm.imageProperty().get()));
            assertTrue(vm.latency().count() >= 2);
            return null;
        });
    }

    @Test
    void copiedTextPastesBackAndBadTextIsExplained() throws Exception {
        FxThread.run(() -> {
            ExplorerViewModel vm = loaded();
            vm.dims().get(0).set(0.9);
            String text = vm.text().copyText();
            vm.reset();
            assertEquals(0.0, vm.dims().get(0).get());
            assertTrue(vm.text().pasteText(text));
            assertEquals(0.9, vm.dims().get(0).get(), 1e-4);
            assertFalse(vm.text().pasteText("1 2 3"));
            assertTrue(vm.messageProperty().get().contains("Expected " + FakeEngine.ZDIM), vm.messageProperty().get());
            assertFalse(vm.text().setDimText(3, "abc"));
            return null;
        });
    }

    @Test
    void rememberKeepsTheVectorAndAThumbnailOfItsOwn() throws Exception {
        FxThread.run(() -> {
            ExplorerViewModel vm = loaded();
            vm.dims().get(1).set(-0.5);
            float[] first = vm.effectiveZ();
            vm.remember();
            vm.dims().get(1).set(0.8);
            vm.remember();
            assertEquals(2, vm.gallery().size());
            assertArrayEquals(first, vm.gallery().get(0).z());
            assertFalse(samePixels(vm.gallery().get(0).thumbnail(), vm.gallery().get(1).thumbnail()));
            return null;
        });
    }

    @Test
    void randomizeDrawsAtTheSlidersTemperature() throws Exception {
        FxThread.run(() -> {
            ExplorerViewModel vm = loaded();
            float[] before = vm.effectiveZ();
            vm.randomizeSource().temperatureProperty().set(0.3);
            vm.randomize();
            assertEquals(0.3, engine.lastTemperature, 1e-9, "one path from the slider to the sampler");
            assertFalse(engine.lastFromPrior);
            assertFalse(Arrays.equals(before, vm.effectiveZ()));
            vm.randomizeSource().priorProperty().set(true); // the user's explicit choice
            vm.randomize();
            assertTrue(engine.lastFromPrior);
            return null;
        });
    }

    /**
     * Opening a model sets the temperature slider to its density's own (fit-density --temperature);
     * the same model published again keeps the user's choice, and a saved session's wins over both.
     */
    @Test
    void eachModelIsDrawnAtItsDensitysOwnTemperature() throws Exception {
        FxThread.run(() -> {
            ExplorerViewModel vm = loaded();
            var t = vm.randomizeSource().temperatureProperty();
            assertEquals(GaussianMixture.DEFAULT_TEMPERATURE, t.get(), 1e-9);
            t.set(0.3);
            ModelInfo i = engine.info();
            vm.modelProperty().set(withTemperature(i, i.source(), GaussianMixture.DEFAULT_TEMPERATURE));
            assertEquals(0.3, t.get(), 1e-9, "the same model again: the user's temperature stays");
            vm.modelProperty().set(withTemperature(i, Path.of("clothes"), 1.0));
            assertEquals(1.0, t.get(), 1e-9, "another model: its own temperature");
            vm.randomize();
            assertEquals(1.0, engine.lastTemperature, 1e-9);
            vm.randomizeSource().restore(false, Double.NaN); // a session saved before temperatures were kept
            assertEquals(1.0, t.get(), 1e-9);
            vm.randomizeSource().restore(false, 0.5);
            assertEquals(0.5, t.get(), 1e-9);
            return null;
        });
    }

    private static ModelInfo withTemperature(ModelInfo i, Path source, double temperature) {
        return new ModelInfo(i.config(), i.train(), i.step(), i.data(), source, i.metrics(), true, i.prior(),
                i.history(), temperature);
    }

    @Test
    void theRandomizeTipSaysWhereZComesFrom() throws Exception {
        FxThread.run(() -> {
            ExplorerViewModel vm = loaded();
            var tip = vm.randomizeSource().tipProperty();
            assertTrue(tip.get().contains("fitted"), tip.get());
            assertTrue(tip.get().contains("temperature 0.70"), tip.get());
            vm.randomizeSource().temperatureProperty().set(0.3);
            assertTrue(tip.get().contains("temperature 0.30"));
            vm.randomizeSource().priorProperty().set(true);
            assertTrue(tip.get().startsWith("Draw z from the prior U(-1, 1), as the generator"), tip.get());
            vm.randomizeSource().priorProperty().set(false);
            ModelInfo i = engine.info();
            vm.modelProperty().set(new ModelInfo(i.config(), i.train(), i.step(), i.data(), null, i.metrics(),
                    false));
            assertTrue(tip.get().contains("no fitted latent density"), tip.get());
            assertFalse(vm.randomizeSource().usesDensityProperty().get());
            return null;
        });
    }

    @Test
    void aDirectionMovesTheVectorShown() throws Exception {
        FxThread.run(() -> {
            ExplorerViewModel vm = loaded();
            vm.directions().get(0).amountProperty().set(0.5);
            assertFalse(Arrays.equals(vm.effectiveZ(), vm.rawZ()));
            assertEquals(0.5f, vm.effectiveZ()[0], 1e-6f, "PC1 of the fake is the first axis");
            return null;
        });
    }

    /** Reset returns to the image the model opened on, not z = 0; a typed value out of range says so. */
    @Test
    void resetReturnsToTheStartImageAndAClampedValueIsNamed() throws Exception {
        FxThread.run(() -> {
            ExplorerViewModel vm = loaded();
            vm.openOnTestImage(3);
            float[] home = vm.rawZ();
            assertFalse(Arrays.equals(home, new float[home.length]));
            vm.randomize();
            vm.reset();
            assertArrayEquals(home, vm.rawZ());
            assertTrue(vm.text().setDimText(0, "7"));
            assertEquals(1.0, vm.dims().get(0).get(), 1e-9);
            assertEquals("z01 is kept within [-1, 1]: 7 became 1.00.", vm.messageProperty().get());
            return null;
        });
    }

    /** A message is about the last action: the next change of z clears it; copying says it copied. */
    @Test
    void aStaleMessageIsClearedByTheNextChangeAndCopyingConfirms() throws Exception {
        FxThread.run(() -> {
            ExplorerViewModel vm = loaded();
            assertFalse(vm.text().pasteText("not a z"));
            assertFalse(vm.messageProperty().get().isEmpty());
            vm.dims().get(1).set(0.5);
            assertEquals("", vm.messageProperty().get());
            vm.text().copied();
            assertTrue(vm.messageProperty().get().startsWith("Copied z (" + FakeEngine.ZDIM + " values)"));
            return null;
        });
    }

    /** Gallery items can be removed, and a model's gallery is there again in a new window. */
    @Test
    void theGalleryKeepsItsItemsPerModelAcrossSessions(@TempDir Path dir) throws Exception {
        FxThread.run(() -> {
            ExplorerViewModel vm = new ExplorerViewModel(engine, new DirectBackground(), new Gallery(dir));
            engine.loadBundledModel();
            vm.dims().get(0).set(0.25);
            vm.remember();
            vm.dims().get(0).set(-0.5);
            vm.remember();
            vm.forget(vm.gallery().get(0));
            ExplorerViewModel next = new ExplorerViewModel(engine, new DirectBackground(), new Gallery(dir));
            engine.loadBundledModel();
            assertEquals(1, next.gallery().size());
            assertEquals(-0.5f, next.gallery().get(0).z()[0], 1e-6);
            assertNotNull(next.gallery().get(0).thumbnail());
            return null;
        });
    }

    /** An imported generator: N(0, 1) spans ±3σ on every path into z; without data it says why there is no map. */
    @Test
    void aNormalPriorSpansThreeSigmaAndAModelWithoutDataSaysWhy() throws Exception {
        engine.prior = LatentPrior.NORMAL;
        engine.withoutData = true;
        FxThread.run(() -> {
            ExplorerViewModel vm = loaded();
            assertEquals(3f, vm.bound());
            float[] far = new float[FakeEngine.ZDIM];
            Arrays.fill(far, 5f);
            vm.setZ(far);
            assertEquals(3.0, vm.dims().get(0).get(), 1e-6, "kept within +3");
            String text = "[" + "2.5, ".repeat(FakeEngine.ZDIM - 1) + "-2.5]";
            assertTrue(vm.text().pasteText(text), vm.messageProperty().get());
            assertEquals(-2.5, vm.dims().get(FakeEngine.ZDIM - 1).get(), 1e-6);
            assertTrue(vm.text().setDimText(0, "4"));
            assertTrue(vm.messageProperty().get().contains("kept within [-3, 3]"), vm.messageProperty().get());
            assertTrue(vm.derivedStatusProperty().get().startsWith(FakeEngine.NO_DATA),
                    vm.derivedStatusProperty().get());
            assertTrue(vm.directions().isEmpty());
            assertNull(vm.mapProperty().get());
            return null;
        });
    }

    /** A restored session's amounts wait for directions still being computed; late gallery thumbnails are dropped. */
    @Test
    void sessionAmountsWaitForTheirDirectionsAndStaleThumbnailsAreDropped() throws Exception {
        FxThread.run(() -> {
            DerivedViews derived = new DerivedViews();
            derived.setAmounts(Map.of("PC2", 1.25));
            derived.load(engine, new DirectBackground(), () -> {}, t -> {});
            assertEquals(1.25, derived.directions().get(1).amountProperty().get(), 1e-9);
            Gallery gallery = new Gallery(null);
            gallery.switchTo(null, FakeEngine.ZDIM);
            int before = gallery.generation();
            gallery.replace(List.of(new float[FakeEngine.ZDIM]));
            gallery.restore(new ExplorerViewModel.Remembered(new float[FakeEngine.ZDIM], null), before);
            assertTrue(gallery.items().isEmpty(), "a thumbnail of the gallery before the session");
            gallery.restore(new ExplorerViewModel.Remembered(new float[FakeEngine.ZDIM], null), gallery.generation());
            assertEquals(1, gallery.items().size());
            return null;
        });
    }
}
