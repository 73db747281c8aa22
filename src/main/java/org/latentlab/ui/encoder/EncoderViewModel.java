package org.latentlab.ui.encoder;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.latentlab.data.ImageFiles;
import org.latentlab.engine.Encoding;
import org.latentlab.engine.LatentEngine;
import org.latentlab.engine.ModelInfo;
import org.latentlab.latent.Refiner;
import org.latentlab.ui.common.AwtImages;
import org.latentlab.ui.common.Background;
import org.latentlab.ui.common.FxImages;
import org.latentlab.ui.common.UserMessages;

/**
 * The encoder panel: an image in (file, drop, clipboard, drawing, data set), its preprocessed
 * input, E(x), the reconstruction G(E(x)) and its error; optional refinement of z; interpolation
 * between two encoded images with export to PNG and GIF.
 */
public final class EncoderViewModel {
    static final int SCALE = 8;

    private final LatentEngine engine;
    private final Background background;
    private final Consumer<float[]> sendToExplorer;
    private final ReadOnlyObjectWrapper<Image> original = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Image> input = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Image> reconstruction = new ReadOnlyObjectWrapper<>();
    private final CompareViewModel compare = new CompareViewModel(SCALE);
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(
            "Drop an image here, open one, paste one, or draw.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Float> refineErrors = FXCollections.observableArrayList();
    private final IntegerProperty refineSteps = new SimpleIntegerProperty(50);
    private final Random random = new Random();
    private ModelInfo model;
    private Encoding current;
    private final InterpolationViewModel interpolation;
    private final PreparationChoice preparation = new PreparationChoice();
    /** The last picture encoded from outside the data set, encoded again when its preparation changes. */
    private BufferedImage lastPicture;
    private String lastWhat;
    private long encodeStarted;
    private double lastEncodeMillis = Double.NaN;

    private record Refined(Refiner.Result result, float[] reconstruction) {}

    public EncoderViewModel(LatentEngine engine, Background background, Consumer<float[]> sendToExplorer) {
        this.engine = engine;
        this.background = background;
        this.sendToExplorer = sendToExplorer;
        this.interpolation = new InterpolationViewModel(engine, background, new InterpolationViewModel.Status() {
            @Override
            public void working(String text) {
                busy.set(true);
                failed.set(false);
                message.set(text);
            }

            @Override
            public void done(String text) {
                busy.set(false);
                message.set(text);
            }

            @Override
            public void failed(Throwable t) {
                fail(t);
            }
        });
        engine.subscribe(change -> background.onUiThread(() -> modelChanged(change.info())));
        preparation.selectedProperty().addListener((o, was, now) -> encodeAgain());
        preparation.invertProperty().addListener((o, was, now) -> encodeAgain());
    }

    /** The picture again, with the preparation just chosen. */
    private void encodeAgain() {
        if (lastPicture != null && model != null) {
            begin("Encoding " + lastWhat + " again…");
            encode(lastPicture, lastWhat);
        }
    }

    private void modelChanged(ModelInfo info) {
        boolean resized = model == null || !model.config().equals(info.config());
        model = info;
        if (resized) {
            current = null;
            lastPicture = null;
            compare.clear();
        }
        preparation.modelChanged(info);
        interpolation.modelChanged(info, resized);
    }

    // ---- inputs ----

    /** Reads, preprocesses and encodes an image file; bad files give a message, never an exception. */
    public void openFile(Path file) {
        begin("Encoding " + file.getFileName() + "…");
        background.run(() -> ImageFiles.read(file), img -> encode(img, file.getFileName().toString()), this::fail);
    }

    /**
     * Encodes a pasted, dropped or drawn picture: its size is checked like a file's, and it is
     * converted off the UI thread.
     */
    public void encodePicture(Image picture, String what) {
        if (picture == null || picture.isError()) {
            fail(new IllegalArgumentException("There is no image in " + what + " that could be read."));
            return;
        }
        String problem = ImageFiles.sizeProblem((long) picture.getWidth(), (long) picture.getHeight(), 4);
        if (problem != null) {
            fail(new IllegalArgumentException("Cannot use " + what + ": " + problem + "."));
            return;
        }
        begin("Encoding " + what + "…");
        background.run(() -> AwtImages.toAwt(picture), img -> encode(img, what), this::fail);
    }

    public void encodeRandomTestImage() {
        int index = random.nextInt(10_000);
        begin("Encoding test image #" + index + "…");
        original.set(null);
        lastPicture = null;
        background.await(engine.encodeTestImage(index), e -> {
            show(e, "test image #" + index);
            // A test image is already the model's size: the original and the model input are the same picture.
            original.set(input.get());
        }, this::fail);
    }

    private void encode(BufferedImage image, String what) {
        lastPicture = image;
        lastWhat = what;
        original.set(AwtImages.toFx(image, 280));
        background.await(engine.encodeImage(image, preparation.preparation(), preparation.inverted()),
                e -> show(e, what), this::fail);
    }

    private void begin(String text) {
        encodeStarted = System.nanoTime();
        busy.set(true);
        failed.set(false);
        message.set(text);
    }

    private void show(Encoding e, String what) {
        lastEncodeMillis = (System.nanoTime() - encodeStarted) / 1e6;
        current = e;
        var c = model.config();
        input.set(FxImages.of(e.input(), c.channels(), c.imageSize(), SCALE));
        reconstruction.set(FxImages.of(e.reconstruction(), c.channels(), c.imageSize(), SCALE));
        compare.show(e.input(), e.reconstruction(), c);
        errorText.set(String.format(Locale.ROOT, "reconstruction error (MSE per pixel): %.4f", e.error()));
        refineErrors.clear();
        busy.set(false);
        message.set("Encoded " + what + ".");
    }

    private void fail(Throwable t) {
        busy.set(false);
        failed.set(true);
        message.set(UserMessages.of(t));
    }

    // ---- refinement ----

    public void refine() {
        if (current == null) {
            fail(new IllegalStateException("Encode an image first."));
            return;
        }
        Encoding start = current;
        busy.set(true);
        refineErrors.clear();
        message.set("Refining z…");
        var refining = engine.refine(start.input(), start.z(), refineSteps.get(), (t, err) -> {
            background.onUiThread(() -> refineErrors.add(err));
            return true;
        });
        var withImage = refining.thenCompose(r -> engine.generate(r.z()).thenApply(px -> new Refined(r, px)));
        background.await(withImage, refined -> {
            var r = refined.result();
            float[] recon = refined.reconstruction();
            refineErrors.add(r.errors()[r.errors().length - 1]);
            current = new Encoding(start.input(), r.z(), recon, r.error());
            var c = model.config();
            reconstruction.set(FxImages.of(recon, c.channels(), c.imageSize(), SCALE));
            compare.show(start.input(), recon, c);
            errorText.set(String.format(Locale.ROOT,
                    "reconstruction error (MSE per pixel): %.4f → %.4f after %d steps",
                    start.error(), current.error(), r.errors().length - 1));
            busy.set(false);
            message.set("Refined.");
        }, this::fail);
    }

    public void sendToExplorer() {
        if (current != null) {
            sendToExplorer.accept(current.z());
        }
    }

    // ---- interpolation ----

    /** How pictures become model inputs, and whether the drawing pad suits the model. */
    public PreparationChoice preparation() {
        return preparation;
    }

    /** How the reconstruction is shown beside x: itself, a wipe or the difference. */
    public CompareViewModel compare() {
        return compare;
    }

    public InterpolationViewModel interpolation() {
        return interpolation;
    }

    public void useCurrentAs(boolean a) {
        if (current == null) {
            fail(new IllegalStateException("Encode an image first, then use it as " + (a ? "A" : "B") + "."));
            return;
        }
        interpolation.setSlot(a, current);
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<Image> originalProperty() {
        return original.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> inputProperty() {
        return input.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> reconstructionProperty() {
        return reconstruction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ObservableList<Float> refineErrors() {
        return refineErrors;
    }

    public IntegerProperty refineStepsProperty() {
        return refineSteps;
    }

    public Encoding current() {
        return current;
    }

    /** Milliseconds from the last request to its reconstruction on screen (benchmarks). */
    public double lastEncodeMillis() {
        return lastEncodeMillis;
    }
}
