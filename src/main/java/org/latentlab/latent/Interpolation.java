package org.latentlab.latent;

/** Points between two latent vectors, straight or along the great circle: the legs of a {@link Walk}. */
public final class Interpolation {
    private Interpolation() {}

    public static float[] linear(float[] a, float[] b, float t) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + t * (b[i] - a[i]);
        }
        return out;
    }

    /** Spherical interpolation: follows the great circle, keeping the norm between |a| and |b|. */
    public static float[] slerp(float[] a, float[] b, float t) {
        double na = norm(a);
        double nb = norm(b);
        if (na < 1e-8 || nb < 1e-8) {
            return linear(a, b, t);
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        double omega = Math.acos(Math.max(-1, Math.min(1, dot / (na * nb))));
        if (omega < 1e-6) {
            return linear(a, b, t);
        }
        double so = Math.sin(omega);
        double wa = Math.sin((1 - t) * omega) / so;
        double wb = Math.sin(t * omega) / so;
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (wa * a[i] + wb * b[i]);
        }
        return out;
    }

    static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
