package org.latentlab.ui.common;

import java.nio.IntBuffer;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * A stream of frames of one size, shown without allocating per frame: two images backed by
 * {@link PixelBuffer}s take turns, and each frame is scaled up (nearest neighbour) into the one
 * not handed out last. A new {@link WritableImage} per slider step made ~1.4 MB of garbage (its
 * pixels, their scaled copy and the renderer's texture): a young collection every 0.7 s while
 * dragging, with pauses of 3-24 ms on the slider's latency (GC log, ui-bench).
 *
 * <p>FX thread only. The image handed out before the last one is rewritten by the next frame, so
 * a caller that keeps a frame must copy it.
 */
public final class ImageFrames {
    private final int width;
    private final int height;
    private final int scale;
    private final int[][] pixels;
    private final PixelBuffer<IntBuffer>[] buffers;
    private final WritableImage[] images;
    private int shown = -1;

    /** Frames of {@code width} × {@code height} pixels, each shown as a {@code scale} × {@code scale} block. */
    @SuppressWarnings("unchecked")
    public ImageFrames(int width, int height, int scale) {
        if (width <= 0 || height <= 0 || scale <= 0) {
            throw new IllegalArgumentException("Frames need a positive size and scale: " + width + "x" + height
                    + " x" + scale);
        }
        this.width = width;
        this.height = height;
        this.scale = scale;
        this.pixels = new int[2][width * scale * height * scale];
        this.buffers = new PixelBuffer[2];
        this.images = new WritableImage[2];
        for (int i = 0; i < 2; i++) {
            IntBuffer wrapped = IntBuffer.wrap(pixels[i]);
            buffers[i] = new PixelBuffer<>(width * scale, height * scale, wrapped, PixelFormat.getIntArgbPreInstance());
            images[i] = new WritableImage(buffers[i]);
        }
    }

    /** Whether frames of this size and scale fit these buffers. */
    public boolean fits(int width, int height, int scale) {
        return this.width == width && this.height == height && this.scale == scale;
    }

    /**
     * Writes {@code argb} (opaque pixels, row by row, {@code width} × {@code height}) into the image
     * not handed out last, and returns that image.
     */
    public Image next(int[] argb) {
        if (argb.length != width * height) {
            throw new IllegalArgumentException("A frame of " + argb.length + " pixels; these frames hold "
                    + width * height);
        }
        shown = (shown + 1) % 2;
        int[] out = pixels[shown];
        buffers[shown].updateBuffer(b -> {
            FxImages.scaleInto(argb, width, height, scale, out);
            return (Rectangle2D) null; // all of it
        });
        return images[shown];
    }
}
