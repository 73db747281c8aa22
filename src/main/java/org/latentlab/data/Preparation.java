package org.latentlab.data;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * How a picture becomes a model input of its data set. Each data set is made one way, and a
 * picture opened in the encoder should be made the same way: MNIST digits were cropped to their
 * ink and centred by mass; image folders are cropped to a centred square when they are loaded
 * (as torchvision's Resize + CenterCrop); IDX sets such as Fashion-MNIST show whole objects on a
 * dark ground, which letterboxing keeps.
 */
public enum Preparation {
    /** MNIST's own recipe (see {@link DigitPreprocessor}); 28x28 grayscale models only. */
    CENTRE_DIGIT("centre-digit", "Centre like MNIST digits"),
    /** The shorter side scaled to the model's size and the middle square kept. */
    CROP("crop", "Crop to a centred square"),
    /** The whole picture scaled into the square, the rest filled with black. */
    LETTERBOX("letterbox", "Fit whole picture (black borders)");

    private final String id;
    private final String label;

    Preparation(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name stored in manifests. */
    public String id() {
        return id;
    }

    /** What the encoder panel shows. */
    public String label() {
        return label;
    }

    /** The label, so that any list or combo box shows what the user reads. */
    @Override
    public String toString() {
        return label;
    }

    public static Preparation fromId(String id) {
        for (Preparation p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preparation '" + id + "'");
    }

    /** Whether this preparation can make inputs of this shape (digit centring needs 28x28 grayscale). */
    public boolean fits(int channels, int size) {
        return this != CENTRE_DIGIT || channels == 1 && size == DigitPreprocessor.SIZE;
    }

    /**
     * The picture as a CHW float image in [0, 1] of {@code channels} x {@code size} x {@code size};
     * {@code invert} turns dark-on-light pictures into light-on-dark ones (digit centring detects
     * that by itself).
     */
    public float[] apply(BufferedImage image, int size, int channels, boolean invert) throws DataFormatException {
        if (!fits(channels, size)) {
            throw new DataFormatException(label + " makes 28x28 grayscale images; this model takes " + size + "x"
                    + size + " with " + channels + " channel(s).");
        }
        if (this == CENTRE_DIGIT) {
            return DigitPreprocessor.preprocess(image);
        }
        BufferedImage picture = invert ? inverted(image) : image; // before the black borders are added
        return ImageFolderDataset.toFloats(this == CROP ? ImageFolderDataset.cropSquare(picture)
                : letterbox(picture), size, channels);
    }

    private static BufferedImage inverted(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                out.setRGB(x, y, ~src.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return out;
    }

    /** The picture centred on a black square as large as its longer side. */
    static BufferedImage letterbox(BufferedImage src) {
        int side = Math.max(src.getWidth(), src.getHeight());
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, side, side);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, (side - src.getWidth()) / 2, (side - src.getHeight()) / 2, null);
        g.dispose();
        return out;
    }
}
