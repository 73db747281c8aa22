package org.latentlab.ui.explorer;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.image.Image;
import org.latentlab.data.Pixels;
import org.latentlab.engine.LatentEngine;
import org.latentlab.ui.common.Background;
import org.latentlab.ui.common.ImageFrames;
import org.latentlab.ui.common.LatencyRecorder;
import org.latentlab.ui.common.LatestOnly;

/**
 * The explorer's image: G(z) for the newest requested z. Renders are coalesced ({@link LatestOnly}):
 * while one is in flight only the newest z waits, and it starts as soon as the previous image is
 * computed. Frames are shown in two reused images ({@link ImageFrames}), 1:1 on screen.
 */
public final class ExplorerImage {
    /**
     * The image's side in screen pixels. G(z) is scaled up to it here, not by the renderer, so the
     * view draws it 1:1: scaling a 280-pixel image to 336 cost the software renderer a median
     * 4-5 ms per frame and up to 38 ms in the first second; 1:1 takes 1-3 ms (pulse logger).
     */
    public static final int IMAGE_PIXELS = 336;

    private final LatentEngine engine;
    private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>();
    private final LatencyRecorder latency = new LatencyRecorder();
    private final LatestOnly<Render, Frame> renders;
    private ImageFrames frames; // FX thread
    private int scale; // FX thread: screen pixels per image pixel as the view shows it; 0 = imageScale
    private Frame last; // FX thread: drawn again when the scale changes

    /** {@code onFailure} runs on the UI thread with what went wrong in a render. */
    ExplorerImage(LatentEngine engine, Background background, Consumer<Throwable> onFailure) {
        this.engine = engine;
        this.renders = new LatestOnly<>(background, this::draw, rendered -> {
            show(rendered.value());
            latency.record(System.nanoTime() - rendered.requestedAt());
        }, onFailure);
    }

    /**
     * G(z) for the current z. Each render sets it, to one of two images that are rewritten in turn:
     * copy the pixels to keep a frame.
     */
    ReadOnlyObjectProperty<Image> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** Request-to-shown times of the renders, for the benchmarks. */
    LatencyRecorder latency() {
        return latency;
    }

    /** Asks for G(z) (UI thread); replaces a request that has not started yet. */
    void request(float[] z, int channels, int imageSize) {
        renders.submit(new Render(z, channels, imageSize));
    }

    /**
     * The view's size in whole screen pixels per image pixel (a larger window shows a larger
     * image): frames are scaled to it here, so the view still draws them 1:1.
     */
    void setScale(int screenPixelsPerPixel) {
        if (screenPixelsPerPixel != scale) {
            scale = screenPixelsPerPixel;
            if (last != null) {
                show(last);
            }
        }
    }

    /** Whole pixels per image pixel that fill at most {@link #IMAGE_PIXELS}: 12 for MNIST's 28. */
    static int imageScale(int imageSize) {
        return Math.max(1, IMAGE_PIXELS / imageSize);
    }

    /** What to draw, read on the UI thread. */
    private record Render(float[] z, int channels, int imageSize) {}

    /** G(z)'s pixels, ARGB, {@code size} × {@code size}. */
    private record Frame(int[] argb, int size) {}

    /** G(z) as pixels, on the engine's thread (the UI thread scales them into a reused image). */
    private CompletionStage<Frame> draw(Render r) {
        return engine.generate(r.z()).thenApply(px -> new Frame(Pixels.toArgb(px, r.channels(), r.imageSize(),
                r.imageSize()), r.imageSize()));
    }

    /** UI thread: the frame into the image shown next. */
    private void show(Frame f) {
        last = f;
        int s = scale > 0 ? scale : imageScale(f.size());
        if (frames == null || !frames.fits(f.size(), f.size(), s)) {
            frames = new ImageFrames(f.size(), f.size(), s);
        }
        image.set(frames.next(f.argb()));
    }
}
