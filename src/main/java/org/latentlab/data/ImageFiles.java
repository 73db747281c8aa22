package org.latentlab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads user-supplied images safely: clear messages, and no decoding of absurdly large images. */
public final class ImageFiles {
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");
    /** 50 megapixels: larger images are refused before decoding (a 50 MP ARGB image is 200 MB). */
    public static final long MAX_PIXELS = 50_000_000L;

    private ImageFiles() {}

    public static boolean hasImageExtension(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1));
    }

    public static BufferedImage read(Path file) throws DataFormatException {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, "file not found");
        }
        try {
            if (Files.size(file) == 0) {
                throw new DataFormatException(file, "the file is empty");
            }
            try (InputStream raw = Files.newInputStream(file);
                    ImageInputStream in = ImageIO.createImageInputStream(raw)) {
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (in == null || !readers.hasNext()) {
                    throw new DataFormatException(file, "not a readable image (PNG, JPEG, BMP or GIF expected)");
                }
                return decode(file, readers.next(), in);
            }
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(file, "the image could not be decoded (" + e.getMessage() + ")");
        }
    }

    private static BufferedImage decode(Path file, ImageReader reader, ImageInputStream in) throws IOException {
        try {
            reader.setInput(in, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > MAX_PIXELS) {
                throw new DataFormatException(file, "image is too large (" + reader.getWidth(0) + "x" + reader.getHeight(0)
                        + "); at most " + MAX_PIXELS / 1_000_000 + " megapixels");
            }
            BufferedImage img = reader.read(0);
            if (img == null || img.getWidth() == 0 || img.getHeight() == 0) {
                throw new DataFormatException(file, "the image has no pixels");
            }
            return img;
        } finally {
            reader.dispose();
        }
    }
}
