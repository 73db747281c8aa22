package org.latentlab.latent;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The distribution a generator's z is drawn from, and the range the explorer offers for each
 * dimension: U(-1, 1) (Latent Lab's own models) spans [-1, 1]; N(0, 1) (many imported
 * generators) spans ±3σ, where all but 0.27 % of its draws fall.
 */
public enum LatentPrior {
    UNIFORM(1f),
    NORMAL(3f);

    private final float bound;

    LatentPrior(float bound) {
        this.bound = bound;
    }

    /** Each dimension's range is [-bound, bound]. */
    public float bound() {
        return bound;
    }

    /** The prior as users write it: "uniform" or "normal". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How the window and the commands name it. */
    public String describe() {
        return this == UNIFORM ? "U(-1, 1)" : "N(0, 1)";
    }

    public static LatentPrior parse(String id) {
        for (LatentPrior p : values()) {
            if (p.id().equalsIgnoreCase(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("The prior must be uniform or normal, not '" + id + "'");
    }

    /** count draws of zdim values, from a stream fixed by (seed, step); uniform draws are {@link Prior}'s. */
    public float[] sample(long seed, long step, int count, int zdim) {
        if (this == UNIFORM) {
            return Prior.sample(seed, step, count, zdim);
        }
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
        float[] z = new float[count * zdim];
        for (int i = 0; i < z.length; i += 2) {
            // Box-Muller: two normal draws from two uniform ones.
            double r = Math.sqrt(-2 * Math.log(1 - rng.nextDouble()));
            double a = 2 * Math.PI * rng.nextDouble();
            z[i] = (float) (r * Math.cos(a));
            if (i + 1 < z.length) {
                z[i + 1] = (float) (r * Math.sin(a));
            }
        }
        return z;
    }

    /** v kept within [-bound, bound]. */
    public float clamp(float v) {
        return Math.max(-bound, Math.min(bound, v));
    }
}
