package org.latentlab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Frames written as the file's name asks: an animated GIF (.gif) or an H.264 video (.mp4). */
public final class Animation {
    private Animation() {}

    /** Whether {@code file} names a kind of animation written here. */
    public static boolean isSupported(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gif") || name.endsWith(".mp4");
    }

    /** Writes {@code frames} at {@code fps} frames a second; an IllegalArgumentException names other kinds. */
    public static void write(List<BufferedImage> frames, Path file, int fps) throws IOException {
        if (!isSupported(file)) {
            throw new IllegalArgumentException(file.getFileName() + ": give a file name ending in .gif (an animated"
                    + " GIF) or .mp4 (a video)");
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp4")) {
            Mp4Video.write(frames, file, fps);
        } else {
            AnimatedGif.write(frames, file, Math.max(20, Math.round(1000f / fps)));
        }
    }
}
