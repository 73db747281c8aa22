package org.latentlab.ui.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Architecture;
import org.latentlab.model.ModelConfig;

class CompareViewModelTest {
    /** A 4×4 RGB image: x is 1 in the red plane, 0 elsewhere; the reconstruction is 0.5 everywhere. */
    private static final ModelConfig RGB = new ModelConfig(Architecture.MLP, 2, 3, 4, 8, false, 0f, false);

    private static float[] x() {
        float[] x = new float[3 * 16];
        for (int i = 0; i < 16; i++) {
            x[i] = 1f;
        }
        return x;
    }

    private static float[] half() {
        float[] r = new float[3 * 16];
        Arrays.fill(r, 0.5f);
        return r;
    }

    @Test
    void aWipeShowsXLeftOfItsLineAndTheReconstructionRight() {
        float[] out = CompareViewModel.pixels(CompareViewModel.Mode.WIPE, 0.5f, x(), half(), RGB);
        for (int ch = 0; ch < 3; ch++) {
            for (int row = 0; row < 4; row++) {
                for (int col = 0; col < 4; col++) {
                    int i = ch * 16 + row * 4 + col;
                    assertEquals(col < 2 ? x()[i] : 0.5f, out[i], 0f, "channel " + ch + " column " + col);
                }
            }
        }
        assertArrayEquals(half(), CompareViewModel.pixels(CompareViewModel.Mode.WIPE, 0f, x(), half(), RGB));
        assertArrayEquals(x(), CompareViewModel.pixels(CompareViewModel.Mode.WIPE, 1f, x(), half(), RGB));
    }

    @Test
    void theDifferenceIsTheMeanOverChannelsBrightenedAndGray() {
        float[] out = CompareViewModel.pixels(CompareViewModel.Mode.DIFFERENCE, 0.5f, x(), half(), RGB);
        // |1 - 0.5| + |0 - 0.5| + |0 - 0.5| = 1.5 over 3 channels = 0.5, times 4, at most 1
        for (float v : out) {
            assertEquals(1f, v, 1e-6f);
        }
        float[] near = half();
        near[0] = 0.55f;
        out = CompareViewModel.pixels(CompareViewModel.Mode.DIFFERENCE, 0.5f, near, half(), RGB);
        assertEquals(4 * 0.05f / 3, out[0], 1e-6f);
        assertEquals(out[0], out[16], 0f);
        assertEquals(0f, out[1], 0f);
    }
}
