package org.latentlab.model;

/**
 * Everything needed to rebuild a BiGAN's networks; saved in every checkpoint.
 *
 * @param zdim latent size (prior U(-1, 1)^zdim)
 * @param channels image channels, 1 (grayscale) or 3 (RGB)
 * @param imageSize image height = width in pixels
 * @param hidden width of hidden layers (MLP) or base channel count (conv); 0 for TorchScript
 * @param batchNorm batch normalisation in G and E
 * @param dDropout dropout rate on D's hidden layers (0 = none)
 * @param imageScore D also scores the image alone (BigBiGAN's unary s_x term), which gives G a
 *     direct image-realism signal; false in checkpoints written before the option existed
 * @param spectralNorm D's weights are divided by their largest singular value in training
 *     ({@link SpectralNormStore}), so D cannot win by sharpening them; false in older checkpoints
 * @param encoder E's kind: the architecture's own, or a conv E for an MLP G ({@link #convEncoderFc});
 *     checkpoints written before the option (null) have G's
 * @param encoderWidth E's hidden width (MLP) or base channels (conv); 0 takes the default: G's width
 *     for an E of G's kind, else {@link #defaultHidden} of E's kind
 */
public record ModelConfig(Architecture arch, int zdim, int channels, int imageSize, int hidden,
        boolean batchNorm, float dDropout, boolean imageScore, boolean spectralNorm, Architecture encoder,
        int encoderWidth) {

    public ModelConfig {
        if (encoder == null) {
            encoder = arch;
        }
        if (encoderWidth == 0) {
            encoderWidth = defaultEncoderWidth(arch, encoder, hidden, imageSize);
        }
        checkEncoder(arch, encoder, encoderWidth, imageSize);
        if (zdim < 1 || zdim > 1024) {
            throw new IllegalArgumentException("Latent size must be between 1 and 1024, not " + zdim);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("Images must have 1 or 3 channels, not " + channels);
        }
        if (arch != Architecture.TORCHSCRIPT && (hidden < 4 || hidden > 8192)) {
            throw new IllegalArgumentException("Hidden width must be between 4 and 8192, not " + hidden);
        }
        if (arch == Architecture.CONV && imageSize != 28 && imageSize != 32 && imageSize != 64) {
            throw new IllegalArgumentException("The conv architecture supports 28, 32 or 64 pixel images, not "
                    + imageSize);
        }
        if (imageSize < 4 || imageSize > 256) {
            throw new IllegalArgumentException("Image size must be between 4 and 256, not " + imageSize);
        }
        if (dDropout < 0 || dDropout >= 1) {
            throw new IllegalArgumentException("Dropout must be in [0, 1), not " + dDropout);
        }
    }

    /** With E of G's kind and width. */
    public ModelConfig(Architecture arch, int zdim, int channels, int imageSize, int hidden, boolean batchNorm,
            float dDropout, boolean imageScore, boolean spectralNorm) {
        this(arch, zdim, channels, imageSize, hidden, batchNorm, dDropout, imageScore, spectralNorm, arch, hidden);
    }

    /** Without spectral normalisation in D. */
    public ModelConfig(Architecture arch, int zdim, int channels, int imageSize, int hidden, boolean batchNorm,
            float dDropout, boolean imageScore) {
        this(arch, zdim, channels, imageSize, hidden, batchNorm, dDropout, imageScore, false);
    }

    private static void checkEncoder(Architecture arch, Architecture encoder, int width, int imageSize) {
        if ((arch == Architecture.TORCHSCRIPT) != (encoder == Architecture.TORCHSCRIPT)) {
            throw new IllegalArgumentException("An imported model's encoder is its own: it cannot be " + encoder);
        }
        if (arch == Architecture.CONV && encoder != Architecture.CONV) {
            throw new IllegalArgumentException("A conv model's encoder is conv too (a conv encoder can serve an MLP"
                    + " model, not the other way round)");
        }
        if (encoder != Architecture.TORCHSCRIPT && (width < 4 || width > 8192)) {
            throw new IllegalArgumentException("The encoder's width must be between 4 and 8192, not " + width);
        }
        if (encoder == Architecture.CONV && imageSize != 28 && imageSize != 32 && imageSize != 64) {
            throw new IllegalArgumentException("A conv encoder takes 28, 32 or 64 pixel images, not " + imageSize);
        }
    }

    /**
     * A conv E of an MLP model ends in a hidden layer of G's width before z. Measured on MNIST (the
     * x16 game's G, E trained alone for 4,000 steps): reconstructions keep their digit 95.4 % with
     * it, 92.8 % without, 1-NN 96.91 % against 96.80 % (docs/BENCHMARKS.md, "A convolutional E").
     */
    public int convEncoderFc() {
        return encoder == Architecture.CONV && arch == Architecture.MLP ? hidden : 0;
    }

    /** The networks' kind as a user reads it: "mlp", or "mlp with a conv encoder" where E's differs. */
    public String kindText() {
        return encoder == arch ? arch.userName() : arch.userName() + " with a " + encoder.userName() + " encoder";
    }

    /** Latent size by default. */
    public static final int DEFAULT_ZDIM = 32;
    /** Dropout on D's hidden layers by default (and on its conv features). */
    public static final float DEFAULT_DROPOUT = 0.2f;

    /** Logits D returns per pair: the joint score, then the image score when enabled. */
    public int discriminatorOutputs() {
        return imageScore ? 2 : 1;
    }

    public int pixels() {
        return channels * imageSize * imageSize;
    }

    /** What an imported TorchScript generator's images are: its networks are its own. */
    public static ModelConfig imported(int zdim, int channels, int imageSize) {
        return new ModelConfig(Architecture.TORCHSCRIPT, zdim, channels, imageSize, 0, false, 0f, false);
    }

    /** The architecture timed by {@code bench}: shared/reference/bigan_reference.py. */
    public static ModelConfig reference() {
        return new ModelConfig(Architecture.MLP, 32, 1, 28, 512, false, 0f, false);
    }

    /** The default recipe's networks for images of this shape: the default width, batch norm, dropout. */
    public static ModelConfig defaults(Architecture arch, int zdim, int channels, int imageSize) {
        return new ModelConfig(arch, zdim, channels, imageSize, defaultHidden(arch, imageSize), true, DEFAULT_DROPOUT,
                false);
    }

    /** The same networks at another width (E's too, when it is of G's kind and width). */
    public ModelConfig withHidden(int width) {
        return new ModelConfig(arch, zdim, channels, imageSize, width, batchNorm, dDropout, imageScore, spectralNorm,
                encoder, encoder == arch && encoderWidth == hidden ? width : encoderWidth);
    }

    /** The same networks with or without spectral normalisation in D. */
    public ModelConfig withSpectralNorm(boolean on) {
        return new ModelConfig(arch, zdim, channels, imageSize, hidden, batchNorm, dDropout, imageScore, on, encoder,
                encoderWidth);
    }

    /** The same G and D with an E of this kind and width (0: its default, {@link #encoderWidth}). */
    public ModelConfig withEncoder(Architecture kind, int width) {
        return new ModelConfig(arch, zdim, channels, imageSize, hidden, batchNorm, dDropout, imageScore, spectralNorm,
                kind, width);
    }

    /** E's width by default: G's for an E of G's kind, else {@link #defaultHidden} of E's kind. */
    public static int defaultEncoderWidth(Architecture arch, Architecture encoder, int hidden, int imageSize) {
        return encoder == arch ? hidden : defaultHidden(encoder, imageSize);
    }

    /**
     * The default hidden width: 512 units for the MLP; 64 base channels for conv at 28 and 32 px,
     * 32 at 64 px. Why 32: at 64 base channels a 64 px step takes 667 GFLOP, 0.09 steps/s on 2
     * cores (160 steps in 30 minutes); halving the width quarters the FLOPs of every layer, so a
     * 64 px step costs about what a 32 px step costs at 64 (docs/decisions.md, the conv architecture).
     */
    public static int defaultHidden(Architecture arch, int imageSize) {
        if (arch == Architecture.MLP) {
            return 512;
        }
        return imageSize == 64 ? 32 : 64;
    }
}
