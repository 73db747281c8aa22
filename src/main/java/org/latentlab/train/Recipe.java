package org.latentlab.train;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two recipes measured end to end, as starting points a user picks by name (the CLI's
 * {@code --recipe}, the window's recipe buttons); options given besides one override it. The
 * PyTorch trainer's {@code --recipe} keeps a copy of GAN_FIRST's values (tools/latentlab_train.py;
 * TorchRecipeTest fails when the two differ).
 */
public enum Recipe {
    /**
     * The bundled model's: G also learns to decode E(x) (x-cycle λx 4, z-cycle 1), DCGAN's rates and
     * betas. The best encoder (MNIST, 24,000 steps: 1-NN 97.75 %, reconstructions 97.95 %) and samples
     * from the fitted density (9.37), but the prior's samples are blobs (4.10).
     */
    ENCODER_FIRST("encoder-first", 24_000, false, false),
    /**
     * A GAN trained for its prior, then E alone fitted to the G it made: a normalised D with an image
     * score, sixteen times the rates with betas 0, 0.9, G's moving average, no cycles; E alone for
     * the last fifth of the steps, pulled to the prior. MNIST, 40,000 steps (about 28 minutes on 2
     * cores): the prior's samples score 8.69–8.77 over three seeds, every digit 8 % or more; seed 1:
     * 1-NN 96.2 %, reconstructions 94.6 %, fitted density 9.34 (BENCHMARKS, "Samples from the prior").
     * Instance noise is not part of it: over three seeds it gained nothing (BENCHMARKS).
     */
    GAN_FIRST("gan-first", 40_000, true, true);

    /** The share of a GAN-first run's steps that the game takes; E trains alone for the rest. */
    private static final double GAME_SHARE = 0.8;

    private final String id;
    private final long steps;
    private final boolean spectralNorm;
    private final boolean imageScore;

    Recipe(String id, long steps, boolean spectralNorm, boolean imageScore) {
        this.id = id;
        this.steps = steps;
        this.spectralNorm = spectralNorm;
        this.imageScore = imageScore;
    }

    /** The name the CLI takes. */
    public String id() {
        return id;
    }

    /** The run's length as measured (the window starts from it). */
    public long steps() {
        return steps;
    }

    /** Whether D's weights are spectrally normalised ({@code ModelConfig.spectralNorm}). */
    public boolean spectralNorm() {
        return spectralNorm;
    }

    /** Whether D also scores images alone ({@code ModelConfig.imageScore}). */
    public boolean imageScore() {
        return imageScore;
    }

    /** The recipe's training settings for a run of {@code totalSteps} (GAN-first: E alone for the last fifth). */
    public TrainConfig train(long seed, long totalSteps) {
        if (this == ENCODER_FIRST) {
            return TrainConfig.defaults(seed);
        }
        long encoderFrom = Math.max(1, Math.round(totalSteps * GAME_SHARE));
        return TrainConfig.recipe(TrainConfig.DEFAULT_BATCH, 6.4e-3f, 3.2e-3f, 0f, 0f, seed,
                TrainConfig.DEFAULT_CYCLE_SHIFT).withBetas(0f, 0.9f).withGeneratorAverage(0.999f)
                .withEncoderOnlyFrom(encoderFrom).withEncoderPrior(10f);
    }

    /** The recipe the CLI's name stands for. */
    public static Optional<Recipe> named(String name) {
        return Arrays.stream(values()).filter(r -> r.id.equals(name)).findFirst();
    }
}
