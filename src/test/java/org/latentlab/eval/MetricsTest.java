package org.latentlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.latentlab.data.ImageDataset;
import org.latentlab.engine.TorchThreads;
import org.latentlab.latent.SymmetricEigen;

class MetricsTest {
    @Test
    void classifierScoreIsTenForConfidentBalancedAndOneForConstant() {
        float[] balanced = new float[100 * 10];
        float[] constant = new float[100 * 10];
        for (int i = 0; i < 100; i++) {
            balanced[i * 10 + i % 10] = 1f;
            constant[i * 10 + 3] = 1f;
        }
        assertEquals(10.0, SampleMetrics.classifierScore(balanced, 100, 10), 1e-6);
        assertEquals(1.0, SampleMetrics.classifierScore(constant, 100, 10), 1e-6);
        assertEquals(1.0, SampleMetrics.histogram(constant, 100, 10)[3], 1e-9);
    }

    @Test
    void shufflingEachDimensionKeepsItsValuesButBreaksTheirDependence() {
        int n = 1000, d = 2;
        float[] z = new float[n * d];
        for (int i = 0; i < n; i++) {
            z[i * d] = i / (float) n;
            z[i * d + 1] = i / (float) n; // dimension 1 equals dimension 0
        }
        float[] s = SampleMetrics.shuffleEachDimension(z, n, d, 7);
        for (int k = 0; k < d; k++) {
            float[] before = column(z, n, d, k);
            float[] after = column(s, n, d, k);
            Arrays.sort(after);
            assertTrue(Arrays.equals(before, after), "dimension " + k + " keeps its values");
        }
        double agree = 0;
        for (int i = 0; i < n; i++) {
            agree += Math.abs(s[i * d] - s[i * d + 1]) < 0.01 ? 1 : 0;
        }
        assertTrue(agree / n < 0.05, "the two dimensions no longer move together: " + agree / n);
    }

    private static float[] column(float[] z, int n, int d, int k) {
        float[] c = new float[n];
        for (int i = 0; i < n; i++) {
            c[i] = z[i * d + k];
        }
        return c;
    }

    @Test
    void frechetDistanceIsZeroForTheSameSetAndGrowsWithAShift() {
        Random r = new Random(1);
        int n = 2000, d = 6;
        float[] a = new float[n * d];
        float[] b = new float[n * d];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
            b[i] = a[i] + 2f;
        }
        assertEquals(0.0, FrechetDistance.between(a, n, a, n, d), 1e-6);
        assertEquals(4.0 * d, FrechetDistance.between(a, n, b, n, d), 1e-3);
    }

    @Test
    void eigenDecompositionReconstructsTheMatrix() {
        double[][] m = {{4, 1, 0.5}, {1, 3, 0.2}, {0.5, 0.2, 2}};
        double[][] root = SymmetricEigen.sqrtPsd(m);
        double[][] back = SymmetricEigen.multiply(root, root);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(m[i][j], back[i][j], 1e-9);
            }
        }
    }

    @Test
    void pixelBaselineComparesRawImages() {
        TorchThreads.prepare(1);
        // 2x2 images: the bright pixel names the class. The second test image is labelled 0 but
        // lit where class 1 is, so the raw-pixel neighbour gets it wrong: accuracy 1 of 2.
        byte b = (byte) 255;
        ImageDataset train = new ImageDataset("t", 2, 1, 2, 2, new byte[] {b, 0, 0, 10, 10, 0, 0, b}, new int[] {0, 1},
                new String[] {"0", "1"});
        ImageDataset test = new ImageDataset("t", 2, 1, 2, 2, new byte[] {b, 20, 0, 0, 0, 0, 20, b}, new int[] {0, 0},
                new String[] {"0", "1"});
        assertEquals(0.5, ModelEvaluator.pixelFigures(train, test, EvaluationProgress.NONE)
                .get("one_nn_accuracy_pixels"), 1e-9);
    }

    /**
     * A cancel during the raw pixels' figures (35 s on MNIST, one stage for the window) stops them
     * within a chunk of the nearest neighbours or an iteration of the probe, not at the stage's end.
     */
    @Test
    void aCancelStopsThePixelFiguresInsideTheirStage() {
        TorchThreads.prepare(1);
        Random r = new Random(3);
        int n = 3000, side = 4;
        byte[] pixels = new byte[n * side * side];
        r.nextBytes(pixels);
        int[] labels = r.ints(n, 0, 2).toArray();
        ImageDataset images = new ImageDataset("t", n, 1, side, side, pixels, labels, new String[] {"0", "1"});
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger cancelAt = new AtomicInteger(Integer.MAX_VALUE);
        EvaluationProgress progress = new EvaluationProgress() {
            @Override
            public void started(String what, int index, int count) {}

            @Override
            public boolean cancelled() {
                return asked.getAndIncrement() >= cancelAt.get();
            }
        };
        ModelEvaluator.pixelFigures(images, images, progress);
        assertEquals(n / 1000 + LinearProbe.ITERATIONS, asked.get(), "asked before each chunk of 1,000 test"
                + " images and each iteration of the probe");
        for (int at : new int[] {1, 5}) { // in the nearest neighbours' second chunk; in the probe's fit
            asked.set(0);
            cancelAt.set(at);
            assertThrows(CancellationException.class, () -> ModelEvaluator.pixelFigures(images, images, progress));
            assertEquals(at + 1, asked.get(), "stopped at the first check after the cancel");
        }
    }

    @Test
    void oneNearestNeighbourAndLinearProbeSeparateClusters() {
        TorchThreads.prepare(1);
        Random r = new Random(2);
        int n = 400, d = 4;
        float[] train = new float[n * d];
        float[] test = new float[n * d];
        int[] ytr = new int[n];
        int[] yte = new int[n];
        for (int i = 0; i < n; i++) {
            ytr[i] = yte[i] = i % 2;
            for (int j = 0; j < d; j++) {
                float centre = (j == ytr[i]) ? 3f : 0.2f;
                train[i * d + j] = centre + (float) r.nextGaussian() * 0.3f;
                test[i * d + j] = centre + (float) r.nextGaussian() * 0.3f;
            }
        }
        assertTrue(EncoderMetrics.oneNearestNeighbour(train, ytr, test, yte, d) > 0.97);
        assertTrue(LinearProbe.accuracy(train, ytr, test, yte, d, 2) > 0.97);
    }
}
