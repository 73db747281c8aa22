package org.latentlab.latent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** z as text for the clipboard and the command line, and back, with messages a user can act on. */
public final class LatentText {
    private LatentText() {}

    public static String format(float[] z) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < z.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", z[i]));
        }
        return b.append(']').toString();
    }

    /** Parses numbers separated by commas, spaces or brackets; exactly {@code dims} of them, each in [-1, 1]. */
    public static float[] parse(String text, int dims) {
        return parse(text, dims, 1f);
    }

    /** As {@link #parse(String, int)}, each value in [-bound, bound]. */
    public static float[] parse(String text, int dims, float bound) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The clipboard holds no latent vector.");
        }
        List<Float> values = new ArrayList<>();
        for (String token : text.replaceAll("[\\[\\](){};]", " ").split("[,\\s]+")) {
            if (token.isBlank() || token.equals("z") || token.equals("=")) {
                continue;
            }
            try {
                values.add(Float.parseFloat(token));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + abbreviate(token) + "' is not a number.");
            }
        }
        return checked(values, dims, bound);
    }

    /**
     * The latent vector of these values: exactly {@code dims}, each a number in [-bound, bound] (a
     * hair beyond is rounding, kept inside); else an IllegalArgumentException that says which is wrong.
     */
    public static float[] checked(List<Float> values, int dims, float bound) {
        if (values.size() != dims) {
            throw new IllegalArgumentException("Expected " + dims + " numbers for this model's latent vector, found "
                    + values.size() + ".");
        }
        float[] z = new float[dims];
        for (int i = 0; i < dims; i++) {
            Float v = values.get(i);
            if (v == null || !Float.isFinite(v) || Math.abs(v) > bound * 1.0001f) {
                throw new IllegalArgumentException("Value " + (i + 1) + " (" + v + ") is outside the latent range ["
                        + fmt(-bound) + ", " + fmt(bound) + "].");
            }
            z[i] = Math.max(-bound, Math.min(bound, v));
        }
        return z;
    }

    /** One slider value typed by the user. */
    public static float parseValue(String text) {
        return parseValue(text, 1f);
    }

    /** One slider value typed by the user, kept within [-bound, bound]. */
    public static float parseValue(String text, float bound) {
        float v = parseUnclamped(text);
        return Math.max(-bound, Math.min(bound, v));
    }

    /** What the explorer says when a typed value of dimension {@code index} was outside [-1, 1]. */
    public static String clampedNote(int index, String text) {
        return clampedNote(index, text, 1f);
    }

    /** What the explorer says when a typed value of dimension {@code index} was outside [-bound, bound]. */
    public static String clampedNote(int index, String text, float bound) {
        return String.format(Locale.ROOT, "z%02d is kept within [%s, %s]: %s became %.2f.", index + 1, fmt(-bound),
                fmt(bound), text.strip(), parseValue(text, bound));
    }

    /** The typed number as it is, before {@link #parseValue} keeps it within [-1, 1]. */
    public static float parseUnclamped(String text) {
        try {
            float v = Float.parseFloat(text.trim());
            if (!Float.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a number.");
        }
    }

    private static String fmt(float v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Float.toString(v);
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
