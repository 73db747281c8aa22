package org.latentlab.ui;

import java.util.Arrays;
import java.util.Random;
import org.latentlab.engine.Encoding;
import org.latentlab.engine.ModelInfo;
import org.latentlab.train.SampleGrids;

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

    /** An opened model's grids: painted from fixed z; its run's images and their reconstructions when it has data. */
    static SampleGrids grids(ModelInfo info, boolean density, boolean withData) {
        int n = SampleGrids.SAMPLE_COUNT;
        int pixels = SIZE * SIZE;
        float[] samples = new float[n * pixels];
        float[] reals = new float[n * pixels];
        for (int i = 0; i < n; i++) {
            float[] z = new float[ZDIM];
            Arrays.fill(z, (i % 3) / 3f);
            System.arraycopy(paint(z), 0, samples, i * pixels, pixels);
            System.arraycopy(testPixels(i), 0, reals, i * pixels, pixels);
        }
        return SampleGrids.of(info.step(), info.config(), samples, density ? samples : null, withData ? reals : null,
                withData ? reals : null);
    }
}
