package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DigitPreprocessorTest {
    /** A "7" drawn off-centre on a large canvas. */
    static BufferedImage seven(int type, Color background, Color ink) {
        BufferedImage img = new BufferedImage(400, 300, type);
        var g = img.createGraphics();
        if (background != null) {
            g.setColor(background);
            g.fillRect(0, 0, 400, 300);
        }
        g.setColor(ink);
        g.setStroke(new BasicStroke(18));
        g.drawLine(40, 40, 160, 40);
        g.drawLine(160, 40, 90, 250);
        g.dispose();
        return img;
    }

    static double[] stats(float[] img) {
        double mass = 0, mx = 0, my = 0;
        int x0 = 28, x1 = -1, y0 = 28, y1 = -1;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float v = img[y * 28 + x];
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
                if (v > 0.05f) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return new double[] {mx / mass, my / mass, x1 - x0 + 1, y1 - y0 + 1};
    }

    @Test
    void darkOnLightLightOnDarkAndTransparentGiveTheSameDigit() throws Exception {
        float[] a = DigitPreprocessor.preprocess(seven(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.BLACK));
        float[] b = DigitPreprocessor.preprocess(seven(BufferedImage.TYPE_INT_RGB, Color.BLACK, Color.WHITE));
        float[] c = DigitPreprocessor.preprocess(seven(BufferedImage.TYPE_INT_ARGB, null, Color.BLUE));
        for (float[] img : new float[][] {a, b, c}) {
            double[] s = stats(img);
            assertEquals(14, s[0], 1.0, "centre of mass x");
            assertEquals(14, s[1], 1.0, "centre of mass y");
            assertTrue(s[2] <= 20 && s[3] <= 20 && Math.max(s[2], s[3]) >= 19, "fits 20x20: " + s[2] + "x" + s[3]);
        }
        assertEquals(0, InferenceSupport.mse(a, b), 1e-4);
        assertTrue(InferenceSupport.mse(a, c) < 0.01);
    }

    @Test
    void blankImageIsAClearError() {
        BufferedImage blank = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
        String msg = assertThrows(DataFormatException.class, () -> DigitPreprocessor.preprocess(blank)).getMessage();
        assertTrue(msg.contains("blank"), msg);
    }

    /** Small helpers shared by data tests. */
    static final class InferenceSupport {
        static double mse(float[] a, float[] b) {
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                s += (a[i] - b[i]) * (a[i] - b[i]);
            }
            return s / a.length;
        }
    }

    /** Ink touching the right or bottom edge: about one tight crop in eight once read a pixel past the image. */
    @Test
    void inkAtTheEdgesNeverReadsPastTheImage() throws Exception {
        Random rng = new Random(7);
        for (int i = 0; i < 500; i++) {
            int w = 5 + rng.nextInt(60);
            int h = 5 + rng.nextInt(60);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.BLACK);
            int x0 = w / 2 + rng.nextInt(w - w / 2), y0 = h / 2 + rng.nextInt(h - h / 2);
            g.fillRect(x0, y0, w - x0, h - y0); // down to the bottom-right corner
            g.dispose();
            float[] x = DigitPreprocessor.preprocess(img);
            assertEquals(28 * 28, x.length);
        }
    }
}
