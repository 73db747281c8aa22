package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatentTextTest {
    @Test
    void aLatentVectorRoundTripsThroughText() {
        float[] z = {0.5f, -1f, 0.25f};
        assertArrayEquals(z, LatentText.parse(LatentText.format(z), 3), 1e-4f);
        assertArrayEquals(z, LatentText.parse("z = (0.5 -1 0.25)", 3), 1e-6f);
        assertEquals(1f, LatentText.parseValue(" 3 "), "a single value is clipped to the range");
    }

    @Test
    void badTextIsExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LatentText.parse("1, 2", 3)).getMessage()
                .contains("Expected 3 numbers"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LatentText.parse("0.1, 7, 0", 3)).getMessage()
                .contains("outside the latent range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LatentText.parse("0.1, x, 0", 3)).getMessage()
                .contains("'x' is not a number"));
    }
}
