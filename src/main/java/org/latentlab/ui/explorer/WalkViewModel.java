package org.latentlab.ui.explorer;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.latentlab.data.Animation;
import org.latentlab.data.ImageGrid;
import org.latentlab.engine.LatentEngine;
import org.latentlab.engine.ModelInfo;
import org.latentlab.latent.Walk;
import org.latentlab.model.ModelConfig;
import org.latentlab.ui.common.Background;
import org.latentlab.ui.common.FxImages;

/**
 * A walk through the gallery's codes as keyframes, in the gallery's order: its frames for the
 * preview, and the same frames exported as an animated GIF or an MP4 video.
 */
public final class WalkViewModel {
    /** Frames a second of the preview and of exports. */
    public static final int FPS = 25;
    /** Screen pixels per image pixel: the preview's, and the exported files'. */
    static final int PREVIEW_SCALE = 3;
    static final int EXPORT_SCALE = 4;

    private final LatentEngine engine;
    private final Background background;
    private final ObservableList<ExplorerViewModel.Remembered> gallery;
    private final ReadOnlyObjectProperty<ModelInfo> model;
    private final IntegerProperty framesPerLeg = new SimpleIntegerProperty(30);
    private final ObjectProperty<Walk.Easing> easing = new SimpleObjectProperty<>(Walk.Easing.SMOOTH);
    private final BooleanProperty spherical = new SimpleBooleanProperty(false);
    private final ObservableList<Image> frames = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding ready;

    WalkViewModel(LatentEngine engine, Background background, ObservableList<ExplorerViewModel.Remembered> gallery,
            ReadOnlyObjectProperty<ModelInfo> model) {
        this.engine = engine;
        this.background = background;
        this.gallery = gallery;
        this.model = model;
        this.ready = Bindings.size(gallery).greaterThanOrEqualTo(2);
        model.addListener((o, was, now) -> frames.clear()); // another model's frames mean nothing now
    }

    /** Whether the gallery holds the two keyframes a walk needs. */
    public ObservableBooleanValue readyProperty() {
        return ready;
    }

    /** Computes the walk's frames for the preview. */
    public void preview() {
        walk((px, c) -> {
            List<Image> images = new ArrayList<>();
            for (float[] one : ImageGrid.split(px, c.pixels())) {
                images.add(FxImages.of(one, c.channels(), c.imageSize(), PREVIEW_SCALE));
            }
            frames.setAll(images);
            message.set(String.format(Locale.ROOT, "%d frames through %d keyframes, %.1f s.", images.size(),
                    gallery.size(), images.size() / (double) FPS));
        });
    }

    /** Writes the walk to {@code file}: .gif (an animated GIF) or .mp4 (a video). */
    public void export(Path file) {
        if (!Animation.isSupported(file)) {
            message.set("Give the file a name ending in .gif or .mp4.");
            return;
        }
        walk((px, c) -> background.run(() -> {
            List<BufferedImage> images = ImageGrid.scaledFrames(px, c.channels(), c.imageSize(), EXPORT_SCALE);
            Animation.write(images, file, FPS);
            return images.size();
        }, n -> message.set("Saved " + file.getFileName() + " (" + n + " frames)."), this::failed));
    }

    /** What a finished walk's pixels are for: (pixels of all frames, the model's config). */
    private interface Use {
        void accept(float[] pixels, ModelConfig config);
    }

    private void walk(Use use) {
        ModelInfo info = model.get();
        if (info == null || gallery.size() < 2) {
            message.set("Remember at least two images first: the walk goes through the gallery, in its order.");
            return;
        }
        Walk.Settings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        List<float[]> keyframes = gallery.stream().map(ExplorerViewModel.Remembered::z).toList();
        message.set("Walking…");
        background.await(engine.walk(keyframes, settings), px -> use.accept(px, info.config()), this::failed);
    }

    private void failed(Throwable t) {
        message.set("The walk failed: " + (t.getMessage() == null ? t.toString() : t.getMessage()));
    }

    /** The walk's settings as chosen; an IllegalArgumentException in words when they are out of range. */
    public Walk.Settings settings() {
        return new Walk.Settings(framesPerLeg.get(), easing.get(), spherical.get());
    }

    /** Chooses {@code s} (a restored session's). */
    void restore(Walk.Settings s) {
        framesPerLeg.set(s.framesPerLeg());
        easing.set(s.easing());
        spherical.set(s.spherical());
    }

    public IntegerProperty framesPerLegProperty() {
        return framesPerLeg;
    }

    public ObjectProperty<Walk.Easing> easingProperty() {
        return easing;
    }

    public BooleanProperty sphericalProperty() {
        return spherical;
    }

    /** The last preview's frames (cleared when another model opens). */
    public ObservableList<Image> frames() {
        return frames;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
