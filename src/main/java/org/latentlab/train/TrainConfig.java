package org.latentlab.train;

import org.latentlab.model.Architecture;

/**
 * Hyper-parameters of the adversarial game; saved in every checkpoint.
 *
 * @param lrD learning rate of D's Adam
 * @param lrGE learning rate of the G+E Adam
 * @param lambdaX weight of the x-cycle term: per-image squared error of G(E(x)) against x (0 = off)
 * @param lambdaZ weight of the z-cycle term: squared distance of E(G(z)) from z (0 = off)
 * @param cycleShift the x-cycle encodes x moved by up to this many pixels and compares G's image
 *     with x itself (0 = off, the plain x-cycle). Checkpoints written before it existed read as 0.
 * @param lambdaPrior weight of the prior-matching term: the MMD of a batch of E(x) from as many
 *     prior draws ({@link PriorMatch}; 0 = off). Checkpoints written before it existed read as 0.
 * @param codeNoise standard deviation of Gaussian noise added to E(x) where G decodes it in the
 *     x-cycle and where the prior-matching term compares it with the prior (0 = off): G learns to
 *     draw x from a neighbourhood of its code, not from the code alone. Old checkpoints read as 0.
 * @param encoderOnlyFrom from this step on, a step trains E alone to invert G: G(E(x)) against x,
 *     through G held fixed (its running batch statistics, as it draws); D and G do not change
 *     (0 = never). After a GAN trained for its prior (weak or no cycles), this fits an encoder to
 *     it without making G a decoder of E(x). Old checkpoints read as 0.
 * @param generatorAverage decay of the moving average of G's weights that checkpoints, grids and
 *     samples use ({@link GeneratorAverage}; 0 = off, G's last weights). Old checkpoints read as 0.
 * @param encoderPrior weight of the pull of E(x) to the prior in E's phase alone (the MMD of
 *     {@code lambdaPrior}; 0 = off): E's codes then lie where G was trained to draw from. Needs
 *     {@code encoderOnlyFrom}. Old checkpoints read as 0.
 * @param instanceNoise standard deviation of Gaussian noise added to every image D sees, real and
 *     generated, in D's step and in G+E's (0 = off; the x-cycle compares with x itself): D's two
 *     kinds of image overlap, so its gradient for G stays informative. Old checkpoints read as 0.
 */
public record TrainConfig(int batchSize, float lrD, float lrGE, float beta1, float beta2,
        float lambdaX, float lambdaZ, long seed, int cycleShift, float lambdaPrior, float codeNoise,
        long encoderOnlyFrom, float generatorAverage, float encoderPrior, float instanceNoise) {

    /*
     * The recipe's defaults, in one place: the CLI's options, the window's settings and
     * defaults() all read these.
     */
    public static final int DEFAULT_BATCH = 128;
    /**
     * D learns at half G+E's rate (the recipe search, docs/decisions.md: a D rate of 2e-4 scored
     * the same on CPU, so this is the recipe's choice, not a measured lever).
     */
    public static final float DEFAULT_LR_D = 1e-4f;
    public static final float DEFAULT_LR_GE = 2e-4f;
    /** DCGAN's Adam betas, for every recipe. */
    public static final float BETA1 = 0.5f;
    public static final float BETA2 = 0.999f;
    public static final float DEFAULT_LAMBDA_Z = 1f;
    /** Weight of the prior-matching term by default. */
    public static final float DEFAULT_LAMBDA_PRIOR = 0f;

    /** The largest x-cycle shift accepted: beyond it the shifted digit loses its edges on 28 px. */
    public static final int MAX_CYCLE_SHIFT = 4;

    public TrainConfig {
        if (batchSize < 2 || batchSize > 4096) {
            throw new IllegalArgumentException("Batch size must be between 2 and 4096, not " + batchSize);
        }
        check("D learning rate", lrD);
        check("G+E learning rate", lrGE);
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1)");
        }
        if (!(lambdaX >= 0 && lambdaZ >= 0) || Float.isInfinite(lambdaX) || Float.isInfinite(lambdaZ)) {
            throw new IllegalArgumentException("Cycle weights must be finite and at least 0");
        }
        if (!(codeNoise >= 0 && codeNoise <= 1)) {
            throw new IllegalArgumentException("The code noise must be 0 to 1, not " + codeNoise);
        }
        if (!(instanceNoise >= 0 && instanceNoise <= 1)) {
            throw new IllegalArgumentException("The instance noise must be 0 to 1, not " + instanceNoise);
        }
        if (!(lambdaPrior >= 0) || Float.isInfinite(lambdaPrior)) {
            throw new IllegalArgumentException("The prior-matching weight must be finite and at least 0, not "
                    + lambdaPrior);
        }
        if (encoderOnlyFrom < 0) {
            throw new IllegalArgumentException("The step the encoder trains alone from must be at least 0 (0 = never), "
                    + "not " + encoderOnlyFrom);
        }
        if (!(encoderPrior >= 0) || Float.isInfinite(encoderPrior)) {
            throw new IllegalArgumentException("The weight of the encoder's pull to the prior must be finite and at "
                    + "least 0, not " + encoderPrior);
        }
        if (encoderPrior > 0 && encoderOnlyFrom == 0) {
            throw new IllegalArgumentException("E's pull to the prior acts only while E trains alone: set the step E "
                    + "trains alone from");
        }
        if (!(generatorAverage >= 0 && generatorAverage < 1)) {
            throw new IllegalArgumentException("The decay of G's average must be at least 0 (0 = off) and below 1, not "
                    + generatorAverage);
        }
        if (cycleShift < 0 || cycleShift > MAX_CYCLE_SHIFT) {
            throw new IllegalArgumentException("The x-cycle shift must be 0 to " + MAX_CYCLE_SHIFT + " pixels, not "
                    + cycleShift);
        }
    }

    /** Without the instance noise. */
    public TrainConfig(int batchSize, float lrD, float lrGE, float beta1, float beta2, float lambdaX, float lambdaZ,
            long seed, int cycleShift, float lambdaPrior, float codeNoise, long encoderOnlyFrom,
            float generatorAverage, float encoderPrior) {
        this(batchSize, lrD, lrGE, beta1, beta2, lambdaX, lambdaZ, seed, cycleShift, lambdaPrior, codeNoise,
                encoderOnlyFrom, generatorAverage, encoderPrior, 0f);
    }

    /** Without the encoder's pull to the prior. */
    public TrainConfig(int batchSize, float lrD, float lrGE, float beta1, float beta2, float lambdaX, float lambdaZ,
            long seed, int cycleShift, float lambdaPrior, float codeNoise, long encoderOnlyFrom,
            float generatorAverage) {
        this(batchSize, lrD, lrGE, beta1, beta2, lambdaX, lambdaZ, seed, cycleShift, lambdaPrior, codeNoise,
                encoderOnlyFrom, generatorAverage, 0f);
    }

    /** Without the encoder-only steps and G's average. */
    public TrainConfig(int batchSize, float lrD, float lrGE, float beta1, float beta2, float lambdaX, float lambdaZ,
            long seed, int cycleShift, float lambdaPrior, float codeNoise) {
        this(batchSize, lrD, lrGE, beta1, beta2, lambdaX, lambdaZ, seed, cycleShift, lambdaPrior, codeNoise, 0, 0f);
    }

    /** Without the x-cycle shift and the prior-matching term. */
    public TrainConfig(int batchSize, float lrD, float lrGE, float beta1, float beta2, float lambdaX, float lambdaZ,
            long seed) {
        this(batchSize, lrD, lrGE, beta1, beta2, lambdaX, lambdaZ, seed, 0, 0f, 0f);
    }

    /** Without the prior-matching term and the code noise. */
    public TrainConfig(int batchSize, float lrD, float lrGE, float beta1, float beta2, float lambdaX, float lambdaZ,
            long seed, int cycleShift) {
        this(batchSize, lrD, lrGE, beta1, beta2, lambdaX, lambdaZ, seed, cycleShift, 0f, 0f);
    }

    private static void check(String what, float lr) {
        if (!(lr > 0 && lr < 1)) {
            throw new IllegalArgumentException(what + " must be in (0, 1), not " + lr);
        }
    }

    /** The update rule of shared/reference/bigan_reference.py (the speed benchmark). */
    public static TrainConfig reference(long seed) {
        return new TrainConfig(DEFAULT_BATCH, 2e-4f, 2e-4f, BETA1, BETA2, 0f, 0f, seed);
    }

    /**
     * Weight of the x-cycle term by default. Measured (8,000 steps, `eval` with the fitted density):
     * 1-NN of E(x) 96.83 / 97.21 / 97.49 % at 1 / 2 / 4, samples' classifier score 8.93 / 8.84 / 8.92.
     */
    public static final float DEFAULT_LAMBDA_X = 4f;

    /**
     * The x-cycle's shift by default. Measured (24,000 steps, seed 1, the bundled model's run):
     * 1-NN of E(x) 97.75 % against 97.39 % unshifted, linear probe 91.1 % against 89.0 %; the
     * price is reconstructions a little less exact in pixels (MSE 0.0117 against 0.0060).
     */
    public static final int DEFAULT_CYCLE_SHIFT = 1;

    /** Defaults that train MNIST stably: a slower D, both cycle terms, the x-cycle shifted by 1 px. */
    public static TrainConfig defaults(long seed) {
        return recipe(DEFAULT_BATCH, DEFAULT_LR_D, DEFAULT_LR_GE, DEFAULT_LAMBDA_X, DEFAULT_LAMBDA_Z, seed,
                DEFAULT_CYCLE_SHIFT);
    }

    /** A recipe with DCGAN's Adam betas (what the CLI and the window build). */
    public static TrainConfig recipe(int batchSize, float lrD, float lrGE, float lambdaX, float lambdaZ, long seed,
            int cycleShift) {
        return new TrainConfig(batchSize, lrD, lrGE, BETA1, BETA2, lambdaX, lambdaZ, seed, cycleShift, 0f, 0f);
    }

    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(batchSize, lrD, lrGE, beta1, beta2, lambdaX, lambdaZ, newSeed, cycleShift, lambdaPrior,
                codeNoise, encoderOnlyFrom, generatorAverage, encoderPrior, instanceNoise);
    }

    public TrainConfig withLambdaPrior(float weight) {
        return new TrainConfig(batchSize, lrD, lrGE, beta1, beta2, lambdaX, lambdaZ, seed, cycleShift, weight,
                codeNoise, encoderOnlyFrom, generatorAverage, encoderPrior, instanceNoise);
    }

    public TrainConfig withCodeNoise(float sigma) {
        return new TrainConfig(batchSize, lrD, lrGE, beta1, beta2, lambdaX, lambdaZ, seed, cycleShift, lambdaPrior,
                sigma, encoderOnlyFrom, generatorAverage, encoderPrior, instanceNoise);
    }

    /** Gaussian noise of this standard deviation on every image D sees (0 = off). */
    public TrainConfig withInstanceNoise(float sigma) {
        return new TrainConfig(batchSize, lrD, lrGE, beta1, beta2, lambdaX, lambdaZ, seed, cycleShift, lambdaPrior,
                codeNoise, encoderOnlyFrom, generatorAverage, encoderPrior, sigma);
    }

    /** Adam's betas for both optimisers (DCGAN's 0.5 and 0.999 unless a recipe asks otherwise). */
    public TrainConfig withBetas(float b1, float b2) {
        return new TrainConfig(batchSize, lrD, lrGE, b1, b2, lambdaX, lambdaZ, seed, cycleShift, lambdaPrior,
                codeNoise, encoderOnlyFrom, generatorAverage, encoderPrior, instanceNoise);
    }

    public TrainConfig withEncoderOnlyFrom(long fromStep) {
        return new TrainConfig(batchSize, lrD, lrGE, beta1, beta2, lambdaX, lambdaZ, seed, cycleShift, lambdaPrior,
                codeNoise, fromStep, generatorAverage, encoderPrior, instanceNoise);
    }

    /** G's weights averaged with this decay for sampling (0 = off). */
    public TrainConfig withGeneratorAverage(float decay) {
        return new TrainConfig(batchSize, lrD, lrGE, beta1, beta2, lambdaX, lambdaZ, seed, cycleShift, lambdaPrior,
                codeNoise, encoderOnlyFrom, decay, encoderPrior, instanceNoise);
    }

    /** E(x) pulled to the prior with this weight while E trains alone (0 = off). */
    public TrainConfig withEncoderPrior(float weight) {
        return new TrainConfig(batchSize, lrD, lrGE, beta1, beta2, lambdaX, lambdaZ, seed, cycleShift, lambdaPrior,
                codeNoise, encoderOnlyFrom, generatorAverage, weight, instanceNoise);
    }

    /** E's phase as a resumed run may set it: when it starts and E's pull to the prior in it. */
    public TrainConfig withEncoderPhase(EncoderPhase phase) {
        long from = phase.from() != null ? phase.from() : encoderOnlyFrom;
        float prior = phase.prior() != null ? phase.prior() : encoderPrior;
        return new TrainConfig(batchSize, lrD, lrGE, beta1, beta2, lambdaX, lambdaZ, seed, cycleShift, lambdaPrior,
                codeNoise, from, generatorAverage, prior, instanceNoise);
    }

    /**
     * The part of a recipe a resumed run may change, as it says when the game ends and what E
     * does after it, not what the game is: the step E trains alone from, E's pull to the prior
     * in that phase, and E's kind (another kind: a new E, trained from scratch in that phase);
     * null keeps the checkpoint's.
     */
    public record EncoderPhase(Long from, Float prior, Architecture encoder) {
        /** Keeping the checkpoint's E. */
        public EncoderPhase(Long from, Float prior) {
            this(from, prior, null);
        }
    }

    /** Whether the step after {@code step} trains E alone. */
    public boolean encoderOnlyAt(long step) {
        return encoderOnlyFrom > 0 && step >= encoderOnlyFrom;
    }
}
