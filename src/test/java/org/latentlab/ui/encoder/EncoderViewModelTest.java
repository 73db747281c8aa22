package org.latentlab.ui.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.DataDescription;
import org.latentlab.data.Preparation;
import org.latentlab.ui.DirectBackground;
import org.latentlab.ui.FakeEngine;
import org.latentlab.ui.FxThread;

/** The encoder tab's view-model on a fake engine, one behaviour per test. */
class EncoderViewModelTest {
    private final FakeEngine engine = new FakeEngine(true);
    private final float[][] sent = new float[1][];
    @TempDir Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxThread.start();
    }

    private EncoderViewModel loaded() {
        EncoderViewModel vm = new EncoderViewModel(engine, new DirectBackground(), z -> sent[0] = z);
        engine.loadBundledModel();
        return vm;
    }

    @Test
    void aFileThatIsNotAnImageIsExplained() throws Exception {
        EncoderViewModel vm = loaded();
        vm.openFile(Files.writeString(dir.resolve("notes.png"), "not an image"));
        assertTrue(vm.failedProperty().get());
        assertTrue(vm.messageProperty().get().contains("not a readable image"), vm.messageProperty().get());
    }

    @Test
    void aPasteWithoutAnImageIsExplained() {
        EncoderViewModel vm = loaded();
        vm.encodePicture(null, "the clipboard");
        assertTrue(vm.messageProperty().get().contains("no image"), vm.messageProperty().get());
    }

    @Test
    void aTestImageShowsItsReconstructionAndError() {
        EncoderViewModel vm = loaded();
        vm.encodeRandomTestImage();
        assertFalse(vm.failedProperty().get(), vm.messageProperty().get());
        assertNotNull(vm.reconstructionProperty().get());
        assertTrue(vm.errorTextProperty().get().contains("reconstruction error"), vm.errorTextProperty().get());
    }

    @Test
    void refineDrawsTheErrorCurveAndKeepsTheBestZ() {
        EncoderViewModel vm = loaded();
        vm.encodeRandomTestImage();
        float before = vm.current().error();
        vm.refineStepsProperty().set(10);
        vm.refine();
        assertEquals(11, vm.refineErrors().size(), "every step's error, then the final one");
        assertTrue(vm.current().error() <= before);
        assertTrue(vm.errorTextProperty().get().contains("after 10 steps"), vm.errorTextProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void theCodeGoesToTheExplorer() {
        EncoderViewModel vm = loaded();
        vm.encodeRandomTestImage();
        vm.sendToExplorer();
        assertArrayEquals(vm.current().z(), sent[0]);
    }

    @Test
    void interpolationNeedsBothEndsThenExports() throws Exception {
        FxThread.run(() -> {
            EncoderViewModel vm = loaded();
            vm.encodeRandomTestImage();
            vm.useCurrentAs(true);
            assertFalse(vm.interpolation().readyProperty().get(), "Interpolate stays disabled without B");
            vm.interpolation().interpolate();
            assertTrue(vm.failedProperty().get(), "B is missing");
            vm.interpolation().randomTestImageAs(false);
            assertTrue(vm.interpolation().readyProperty().get());
            vm.interpolation().framesProperty().set(5);
            vm.interpolation().interpolate();
            assertEquals(5, vm.interpolation().animationFrames().size());
            Path gif = dir.resolve("a.gif");
            vm.interpolation().exportGif(gif);
            assertTrue(Files.size(gif) > 100);
            assertEquals(FakeEngine.SIZE * 8, ImageIO.read(gif.toFile()).getWidth(), "a frame, no grey border");
            vm.interpolation().exportStrip(dir.resolve("a.png"));
            assertTrue(Files.exists(dir.resolve("a.png")));
            return null;
        });
    }

    @Test
    void aModelOfOtherDataPreparesPicturesItsOwnWayAndInvertsOnRequest() throws Exception {
        engine.data = new DataDescription("/data/clothes", "clothes", 1, FakeEngine.SIZE, 100,
                List.of("shirt", "shoe"), Preparation.LETTERBOX.id(), "0123456789abcdef");
        EncoderViewModel vm = loaded();
        PreparationChoice p = vm.preparation();
        assertEquals(Preparation.LETTERBOX, p.selectedProperty().get(), "not MNIST's digit centring");
        assertFalse(p.drawingTitleProperty().get().contains("digit"), p.drawingTitleProperty().get());
        Path png = dir.resolve("shirt.png");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        vm.openFile(png);
        p.invertProperty().set(true);
        assertEquals(List.of("LETTERBOX", "LETTERBOX inverted"), engine.preparations, "encoded again, inverted");
        engine.loadBundledModel(); // a training snapshot of the same model: the user's choice stays
        assertTrue(p.invertProperty().get());
        p.selectedProperty().set(Preparation.CENTRE_DIGIT);
        assertFalse(p.invertAppliesProperty().get(), "digit centring finds the polarity itself");
    }

    @Test
    void theMnistModelCentresDigitsAndAColourModelHasNoDrawingPad() {
        EncoderViewModel vm = loaded();
        assertEquals(Preparation.CENTRE_DIGIT, vm.preparation().selectedProperty().get());
        assertTrue(vm.preparation().drawableProperty().get());
        engine.data = new DataDescription("/data/photos", "photos", 3, 32, 100, List.of(), Preparation.CROP.id(),
                "fedcba9876543210");
        engine.loadBundledModel();
        assertFalse(vm.preparation().drawableProperty().get());
        assertFalse(vm.preparation().available().contains(Preparation.CENTRE_DIGIT));
        assertEquals(Preparation.CROP, vm.preparation().selectedProperty().get());
    }
}
