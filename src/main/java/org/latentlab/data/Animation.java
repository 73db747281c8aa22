package org.latentlab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Frames written as the file's name asks: an animated GIF (.gif) or an H.264 video (.mp4). */
public final class Animation {
    private Animation() {}

    /** What writes an animation's bytes to a file. */
    @FunctionalInterface
    interface Content {
        void writeTo(Path file) throws IOException;
    }

    /**
     * Writes {@code file} through a new file beside it, moved into place once complete: a reader
     * sees the old file or the whole new one, and a failed write leaves no part of either. The
     * new file is not Files.createTempFile's: that one is readable by its owner only, and the
     * animation kept that after the move; this one has the permissions any new file of the user's has.
     */
    static void replace(Path file, Content content) throws IOException {
        Path dir = Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createFile(dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp"));
        try {
            content.writeTo(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp); // only when the move did not happen
        }
    }

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
