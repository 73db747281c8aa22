package org.latentlab.latent;

import java.util.List;
import java.util.Locale;

/**
 * A walk through several keyframes of latent space: one leg between each two consecutive
 * keyframes, each leg {@code framesPerLeg} frames, eased and straight (lerp) or along the great
 * circle (slerp). A walk through k keyframes has (k - 1) * framesPerLeg + 1 frames: each keyframe
 * once, the last one ending the walk.
 */
public final class Walk {
    /** The most frames a leg may have: 12 s at 25 frames a second. */
    public static final int MAX_FRAMES_PER_LEG = 300;
    /** The most keyframes a walk may have. */
    public static final int MAX_KEYFRAMES = 64;

    /** How the frames of a leg are spaced in time. */
    public enum Easing {
        /** Evenly: a constant speed, with a jolt at each keyframe. */
        LINEAR,
        /** Slow at each keyframe and fast between (smoothstep, 3t² - 2t³): the walk rests on each keyframe. */
        SMOOTH;

        /** t in [0, 1] mapped to the fraction of the leg covered. */
        public float apply(float t) {
            return this == LINEAR ? t : t * t * (3 - 2 * t);
        }

        /** linear or smooth, any case; an IllegalArgumentException in words otherwise. */
        public static Easing parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The easing must be linear or smooth, not '" + text + "'");
            }
        }
    }

    /** How a walk moves between its keyframes. */
    public record Settings(int framesPerLeg, Easing easing, boolean spherical) {
        public Settings {
            if (framesPerLeg < 1 || framesPerLeg > MAX_FRAMES_PER_LEG) {
                throw new IllegalArgumentException("Frames per leg must be 1 to " + MAX_FRAMES_PER_LEG + ", not "
                        + framesPerLeg);
            }
            if (easing == null) {
                throw new IllegalArgumentException("No easing given");
            }
        }

        /** {@code frames} frames straight (or along the great circle) from one keyframe to another, both included. */
        public static Settings between(int frames, boolean spherical) {
            return new Settings(frames - 1, Easing.LINEAR, spherical);
        }
    }

    private Walk() {}

    /** The number of frames of a walk through {@code keyframes} keyframes. */
    public static int frames(int keyframes, Settings s) {
        return (keyframes - 1) * s.framesPerLeg() + 1;
    }

    /** The frames' latent vectors, stacked ({@link #frames} * d floats). Keyframes: 2 to MAX_KEYFRAMES, one size. */
    public static float[] path(List<float[]> keyframes, Settings s) {
        if (keyframes.size() < 2 || keyframes.size() > MAX_KEYFRAMES) {
            throw new IllegalArgumentException("A walk needs 2 to " + MAX_KEYFRAMES + " keyframes, not "
                    + keyframes.size());
        }
        int d = keyframes.get(0).length;
        for (float[] k : keyframes) {
            if (k.length != d) {
                throw new IllegalArgumentException("Keyframes of " + d + " and of " + k.length + " numbers: one model's"
                        + " keyframes have the same size");
            }
        }
        float[] out = new float[frames(keyframes.size(), s) * d];
        int at = 0;
        for (int leg = 0; leg + 1 < keyframes.size(); leg++) {
            float[] a = keyframes.get(leg);
            float[] b = keyframes.get(leg + 1);
            for (int f = 0; f < s.framesPerLeg(); f++) {
                float t = s.easing().apply(f / (float) s.framesPerLeg());
                System.arraycopy(s.spherical() ? Interpolation.slerp(a, b, t) : Interpolation.linear(a, b, t), 0, out,
                        at, d);
                at += d;
            }
        }
        System.arraycopy(keyframes.get(keyframes.size() - 1), 0, out, at, d);
        return out;
    }
}
