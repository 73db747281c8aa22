package org.latentlab.data;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of images (PNG, JPEG, BMP, GIF), cropped to their centred square and resized to a
 * square size ({@link Preparation#CROP}). Images in subfolders take
 * the subfolder's name as their label; images directly in the folder have none.
 */
public final class ImageFolderDataset {
    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderDataset.class);

    private ImageFolderDataset() {}

    public static ImageDataset load(Path dir, int size, int channels) throws IOException {
        return load(dir, size, channels, LoadProgress.NONE, FolderCache.forUser());
    }

    /**
     * The folder's images at {@code size} with {@code channels}: from the cache when this folder
     * was decoded at this size before and has not changed since, else decoded (telling
     * {@code progress}) and then cached.
     */
    public static ImageDataset load(Path dir, int size, int channels, LoadProgress progress) throws IOException {
        return load(dir, size, channels, progress, FolderCache.forUser());
    }

    static ImageDataset load(Path dir, int size, int channels, LoadProgress progress, FolderCache cache)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir, "not a folder");
        }
        List<String> classes = subfolders(dir);
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        collect(dir, -1, files, labels);
        for (int c = 0; c < classes.size(); c++) {
            collect(dir.resolve(classes.get(c)), c, files, labels);
        }
        if (files.isEmpty()) {
            throw new DataFormatException(dir, "contains no PNG, JPEG, BMP or GIF images");
        }
        String key = FolderCache.key(dir, files, size, channels);
        ImageDataset cached = cache.read(key, dir.getFileName().toString());
        if (cached != null) {
            progress.loaded(cached.count(), cached.count());
            return cached;
        }
        ImageDataset decoded = decode(dir, classes, files, labels, size, channels, progress);
        cache.write(key, decoded);
        return decoded;
    }

    private static ImageDataset decode(Path dir, List<String> classes, List<Path> files, List<Integer> labels,
            int size, int channels, LoadProgress progress) throws IOException {
        int imageSize = channels * size * size;
        long bytes = (long) files.size() * imageSize;
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new DataFormatException(dir, files.size() + " images of " + size + " px take " + bytes / (1 << 20)
                    + " MB, more than one array can hold; use fewer images (train --limit N) or a smaller image size");
        }
        byte[] pixels = new byte[(int) bytes];
        int n = 0;
        long lastReport = 0;
        for (int i = 0; i < files.size(); i++) {
            if (System.nanoTime() - lastReport > 200_000_000L) {
                progress.loaded(i, files.size());
                lastReport = System.nanoTime();
            }
            try {
                writePixels(resize(cropSquare(ImageFiles.read(files.get(i))), size), channels, pixels, n * imageSize);
                labels.set(n, labels.get(i));
                n++;
            } catch (DataFormatException e) {
                LOG.warn("Skipping {}", e.getMessage());
            }
        }
        if (n == 0) {
            throw new DataFormatException(dir, "none of its images could be read");
        }
        progress.loaded(files.size(), files.size());
        boolean labelled = !classes.isEmpty() && labels.subList(0, n).stream().allMatch(l -> l >= 0);
        int[] y = labelled ? labels.subList(0, n).stream().mapToInt(Integer::intValue).toArray() : null;
        byte[] used = n == files.size() ? pixels : Arrays.copyOf(pixels, n * imageSize);
        return new ImageDataset(dir.getFileName().toString(), n, channels, size, size, used, y,
                labelled ? classes.toArray(String[]::new) : new String[0]);
    }

    private static List<String> subfolders(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void collect(Path dir, int label, List<Path> files, List<Integer> labels) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile).filter(ImageFiles::hasImageExtension).sorted().toList()) {
                files.add(p);
                labels.add(label);
            }
        }
    }

    /** The centred square of the picture whose side is its shorter side (torchvision's CenterCrop). */
    public static BufferedImage cropSquare(BufferedImage src) {
        int side = Math.min(src.getWidth(), src.getHeight());
        return src.getSubimage((src.getWidth() - side) / 2, (src.getHeight() - side) / 2, side, side);
    }

    static BufferedImage resize(BufferedImage src, int size) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, size, size, null);
        g.dispose();
        return out;
    }

    /** A picture resized to size x size, as CHW floats in [0, 1]. */
    public static float[] toFloats(BufferedImage image, int size, int channels) {
        byte[] bytes = new byte[channels * size * size];
        writePixels(resize(image, size), channels, bytes, 0);
        float[] out = new float[bytes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (bytes[i] & 0xFF) / 255f;
        }
        return out;
    }

    private static void writePixels(BufferedImage img, int channels, byte[] out, int offset) {
        int plane = img.getWidth() * img.getHeight();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int i = y * img.getWidth() + x;
                if (channels == 1) {
                    out[offset + i] = (byte) Math.round(Pixels.luminance(rgb));
                } else {
                    out[offset + i] = (byte) (rgb >> 16);
                    out[offset + plane + i] = (byte) (rgb >> 8);
                    out[offset + 2 * plane + i] = (byte) rgb;
                }
            }
        }
    }
}
