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
        return checked(values, dims);
    }

    /**
     * The latent vector of these values: exactly {@code dims}, each a number in [-1, 1] (a hair
     * beyond is rounding, kept inside); else an IllegalArgumentException that says which is wrong.
     */
    public static float[] checked(List<Float> values, int dims) {
        if (values.size() != dims) {
            throw new IllegalArgumentException("Expected " + dims + " numbers for this model's latent vector, found "
                    + values.size() + ".");
        }
        float[] z = new float[dims];
        for (int i = 0; i < dims; i++) {
            Float v = values.get(i);
            if (v == null || !Float.isFinite(v) || v < -1.0001f || v > 1.0001f) {
                throw new IllegalArgumentException("Value " + (i + 1) + " (" + v
                        + ") is outside the latent range [-1, 1].");
            }
            z[i] = Math.max(-1f, Math.min(1f, v));
        }
        return z;
    }

    /** One slider value typed by the user. */
    public static float parseValue(String text) {
        float v = parseUnclamped(text);
        return Math.max(-1f, Math.min(1f, v));
    }

    /** What the explorer says when a typed value of dimension {@code index} was outside [-1, 1]. */
    public static String clampedNote(int index, String text) {
        return String.format(Locale.ROOT, "z%02d is kept within [-1, 1]: %s became %.2f.", index + 1, text.strip(),
                parseValue(text));
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
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a number between -1 and 1.");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
