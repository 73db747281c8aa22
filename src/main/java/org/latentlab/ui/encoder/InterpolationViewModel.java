package org.latentlab.ui.encoder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.latentlab.data.AnimatedGif;
import org.latentlab.data.ImageGrid;
import org.latentlab.engine.Encoding;
import org.latentlab.engine.LatentEngine;
import org.latentlab.engine.ModelInfo;
import org.latentlab.model.ModelConfig;
import org.latentlab.ui.common.Background;
import org.latentlab.ui.common.FxImages;

/**
 * The encoder panel's interpolation: two encoded images A and B, the frames of G along the path
 * between their codes (linear or spherical), and export as a PNG strip or an animated GIF.
 */
public final class InterpolationViewModel {
    /** Where progress and errors go: the encoder panel's one message line. */
    interface Status {
        void working(String text);

        void done(String text);

        void failed(Throwable t);
    }

    private final LatentEngine engine;
    private final Background background;
    private final Status status;
    private final IntegerProperty frames = new SimpleIntegerProperty(10);
    private final BooleanProperty spherical = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Image> slotA = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Image> slotB = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Image> strip = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Image> animationFrames = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final Random random = new Random();
    private ModelInfo model;
    private float[] zA;
    private float[] zB;
    private float[] stripPixels;

    InterpolationViewModel(LatentEngine engine, Background background, Status status) {
        this.engine = engine;
        this.background = background;
        this.status = status;
    }

    /** A new model: codes of another architecture mean nothing to it, so the slots are cleared. */
    void modelChanged(ModelInfo info, boolean resized) {
        model = info;
        if (resized) {
            zA = zB = null;
            ready.set(false);
            stripPixels = null;
            slotA.set(null);
            slotB.set(null);
            strip.set(null);
            animationFrames.clear();
        }
    }

    void setSlot(boolean a, Encoding e) {
        var c = model.config();
        Image thumb = FxImages.of(e.input(), c.channels(), c.imageSize(), 3);
        if (a) {
            zA = e.z();
            slotA.set(thumb);
        } else {
            zB = e.z();
            slotB.set(thumb);
        }
        ready.set(zA != null && zB != null);
    }

    /** Whether both A and B are chosen: Interpolate is disabled until then. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public void randomTestImageAs(boolean a) {
        int index = random.nextInt(10_000);
        background.await(engine.encodeTestImage(index), e -> setSlot(a, e), status::failed);
    }

    public void interpolate() {
        if (zA == null || zB == null) {
            status.failed(new IllegalStateException("Choose both image A and image B first."));
            return;
        }
        int n = frames.get();
        boolean slerp = spherical.get();
        var c = model.config();
        status.working("Interpolating…");
        background.await(engine.interpolate(zA, zB, n, slerp), px -> {
            stripPixels = px;
            strip.set(FxImages.grid(px, n, n, c.channels(), c.imageSize(), 3));
            List<Image> list = new ArrayList<>();
            for (float[] one : ImageGrid.split(px, model.config().pixels())) {
                list.add(FxImages.of(one, c.channels(), c.imageSize(), EncoderViewModel.SCALE));
            }
            animationFrames.setAll(list);
            status.done("Interpolated " + n + (slerp ? " frames (spherical)." : " frames (linear)."));
        }, status::failed);
    }

    public void exportStrip(Path file) {
        export(file, (px, c) -> {
            int n = px.length / c.pixels();
            ImageGrid.writePng(ImageGrid.tile(px, n, n, c.channels(), c.imageSize(), 4), file);
        });
    }

    /** The frames forth and back, 120 ms each. */
    public void exportGif(Path file) {
        export(file, (px, c) -> {
            List<BufferedImage> images = ImageGrid.scaledFrames(px, c.channels(), c.imageSize(), 8); // no border
            for (int f = images.size() - 2; f > 0; f--) {
                images.add(images.get(f)); // play back and forth
            }
            AnimatedGif.write(images, file, 120);
        });
    }

    /** Writes one export of the last interpolation's frames. */
    private interface Export {
        void write(float[] pixels, ModelConfig config) throws IOException;
    }

    private void export(Path file, Export export) {
        if (stripPixels == null) {
            status.failed(new IllegalStateException("Interpolate first."));
            return;
        }
        var c = model.config();
        float[] px = stripPixels;
        background.run(() -> {
            export.write(px, c);
            return file;
        }, f -> status.done("Saved " + f.getFileName() + "."), status::failed);
    }

    public IntegerProperty framesProperty() {
        return frames;
    }

    public BooleanProperty sphericalProperty() {
        return spherical;
    }

    public ReadOnlyObjectProperty<Image> slotAProperty() {
        return slotA.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> slotBProperty() {
        return slotB.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> stripProperty() {
        return strip.getReadOnlyProperty();
    }

    public ObservableList<Image> animationFrames() {
        return animationFrames;
    }
}
