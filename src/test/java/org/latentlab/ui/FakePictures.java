package org.latentlab.ui;

import java.util.Random;
import org.latentlab.engine.Encoding;

/** The fake engine's pictures: G paints z's values over the pixels, E reads them back. */
final class FakePictures {
    private static final int SIZE = FakeEngine.SIZE;
    private static final int ZDIM = FakeEngine.ZDIM;

    private FakePictures() {}

    static float[] paint(float[] z) {
        float[] px = new float[SIZE * SIZE];
        for (int i = 0; i < px.length; i++) {
            px[i] = (z[i % ZDIM] + 1) / 2;
        }
        return px;
    }

    static float[] read(float[] px) {
        float[] z = new float[ZDIM];
        for (int i = 0; i < ZDIM; i++) {
            z[i] = px[i] * 2 - 1;
        }
        return z;
    }

    static Encoding encode(float[] px) {
        float[] z = read(px);
        float[] recon = paint(z);
        double se = 0;
        for (int i = 0; i < px.length; i++) {
            se += (px[i] - recon[i]) * (px[i] - recon[i]);
        }
        return new Encoding(px, z, recon, (float) (se / px.length));
    }

    static float[] testPixels(int index) {
        float[] px = new float[SIZE * SIZE];
        Random r = new Random(index);
        for (int i = 0; i < px.length; i++) {
            px[i] = r.nextFloat();
        }
        return px;
    }
}
