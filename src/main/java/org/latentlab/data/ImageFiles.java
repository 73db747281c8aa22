package org.latentlab.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
    /** 256 MB: the most memory one decoded picture may take, whatever its bytes per pixel. */
    public static final long MAX_DECODED_BYTES = 256L << 20;

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

    /**
     * Why a picture of width x height at bytesPerPixel may not be decoded, or null when it may:
     * the one size check for files, pasted and dropped pictures alike.
     */
    public static String sizeProblem(long width, long height, int bytesPerPixel) {
        if (width <= 0 || height <= 0) {
            return "the image has no pixels";
        }
        long pixels = width * height;
        if (pixels > MAX_PIXELS || pixels * Math.max(4, bytesPerPixel) > MAX_DECODED_BYTES) {
            return "image is too large (" + width + "x" + height + "); at most " + MAX_PIXELS / 1_000_000
                    + " megapixels and " + (MAX_DECODED_BYTES >> 20) + " MB decoded";
        }
        return null;
    }

    /**
     * A gray image as ARGB with each pixel's stored value in r, g and b. Java's own conversion
     * (getRGB, drawImage) treats gray rasters as linear light and brightens them for sRGB: a
     * stored 64 became 137 and 128 became 188, so every gray PNG or JPEG reached the model too
     * bright. Colour images are returned as they are.
     */
    public static BufferedImage grayAsStored(BufferedImage img) {
        var cm = img.getColorModel();
        if (cm.getColorSpace().getType() != ColorSpace.TYPE_GRAY) {
            return img;
        }
        var raster = img.getRaster();
        int max = (1 << cm.getComponentSize(0)) - 1;
        boolean alpha = cm.hasAlpha() && raster.getNumBands() > 1;
        int alphaMax = alpha ? (1 << cm.getComponentSize(1)) - 1 : 1;
        int w = img.getWidth();
        BufferedImage out = new BufferedImage(w, img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                int g = (int) Math.round(raster.getSample(x, y, 0) * 255.0 / max);
                int a = alpha ? (int) Math.round(raster.getSample(x, y, 1) * 255.0 / alphaMax) : 255;
                row[x] = (a << 24) | (g << 16) | (g << 8) | g;
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    private static BufferedImage decode(Path file, ImageReader reader, ImageInputStream in) throws IOException {
        try {
            reader.setInput(in, true, true);
            var type = reader.getRawImageType(0); // null when the reader cannot tell: assume ARGB
            int bitsPerPixel = type == null ? 32 : Arrays.stream(type.getSampleModel().getSampleSize()).sum();
            String problem = sizeProblem(reader.getWidth(0), reader.getHeight(0), (bitsPerPixel + 7) / 8);
            if (problem != null) {
                throw new DataFormatException(file, problem);
            }
            BufferedImage img = reader.read(0);
            if (img == null || img.getWidth() == 0 || img.getHeight() == 0) {
                throw new DataFormatException(file, "the image has no pixels");
            }
            return grayAsStored(img);
        } finally {
            reader.dispose();
        }
    }
}
