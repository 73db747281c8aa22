package org.latentlab.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Small labelled data sets that are not MNIST, made on the fly for tests: shapes (disc, bar,
 * ring) drawn at random places and sizes, as an IDX folder with {@code classes.txt} (28 px gray)
 * or as an image folder with one subfolder per class (gray or colour, any size).
 */
public final class GeneratedData {
    public static final List<String> CLASSES = List.of("disc", "bar", "ring");

    private GeneratedData() {}

    /** An IDX folder: {@code train} and {@code test} images of 28x28 with labels and class names. */
    public static Path idx(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        writeSplit(dir, "train", train, new Random(1));
        writeSplit(dir, "t10k", test, new Random(2));
        Files.write(dir.resolve(MnistDataset.CLASS_NAMES), CLASSES);
        return dir;
    }

    /** An image folder of {@code perClass} PNGs of {@code size} px per class, gray or coloured shapes. */
    public static Path folder(Path dir, int perClass, int size, boolean colour) throws IOException {
        Random rng = new Random(3);
        for (int c = 0; c < CLASSES.size(); c++) {
            Path sub = Files.createDirectories(dir.resolve(CLASSES.get(c)));
            for (int i = 0; i < perClass; i++) {
                ImageIO.write(draw(c, size, rng, colour), "png", sub.resolve(i + ".png").toFile());
            }
        }
        return dir;
    }

    private static void writeSplit(Path dir, String stem, int count, Random rng) throws IOException {
        byte[] pixels = new byte[count * 28 * 28];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % CLASSES.size());
            BufferedImage img = draw(labels[i], 28, rng, false);
            for (int p = 0; p < 28 * 28; p++) {
                pixels[i * 784 + p] = (byte) (img.getRGB(p % 28, p / 28) & 0xFF);
            }
        }
        write(dir.resolve(stem + "-images-idx3-ubyte"), new int[] {count, 28, 28}, pixels);
        write(dir.resolve(stem + "-labels-idx1-ubyte"), new int[] {count}, labels);
    }

    private static void write(Path file, int[] dims, byte[] data) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(raw)) {
            out.writeInt(0x0800 | dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }

    private static BufferedImage draw(int kind, int size, Random rng, boolean colour) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(colour ? Color.getHSBColor(rng.nextFloat(), 0.8f, 0.9f) : Color.WHITE);
        int s = size / 2 + rng.nextInt(size / 4);
        int x = rng.nextInt(size - s);
        int y = rng.nextInt(size - s);
        switch (kind) {
            case 0 -> g.fillOval(x, y, s, s);
            case 1 -> g.fillRect(x + s / 3, y, Math.max(2, s / 3), s);
            default -> {
                g.fillOval(x, y, s, s);
                g.setColor(Color.BLACK);
                g.fillOval(x + s / 4, y + s / 4, s / 2, s / 2);
            }
        }
        g.dispose();
        return img;
    }
}
