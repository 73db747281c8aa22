package org.latentlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.checkpoint.Json;
import org.latentlab.data.BatchIterator;

/** Instance noise: what D sees changes, what the cycles compare with does not, and a seed repeats it. */
class InstanceNoiseTest {
    /**
     * From the same start, D's step and the adversarial loss differ with noise (D judges noisy
     * images), the cycle terms do not (they compare G(E(x)) with x and E(G(z)) with z, not with what D
     * saw), and two runs with one seed draw the same noise.
     */
    @Test
    void movesOnlyWhatDSeesAndRepeatsPerSeed() throws Exception {
        float[] x = new BatchIterator(TestModels.mnist(256), 32, 4).next();
        TrainConfig plain = TestModels.smallTrain(5);
        TrainConfig noisy = plain.withInstanceNoise(0.3f);
        List<StepStats> steps = TestModels.firstSteps(x, plain, noisy, noisy);
        StepStats sa = steps.get(0);
        StepStats sb = steps.get(1);
        StepStats sc = steps.get(2);
        assertTrue(Math.abs(sb.lossD() - sa.lossD()) > 1e-3f, sa.lossD() + " vs " + sb.lossD());
        assertTrue(Math.abs(sb.lossGE() - sa.lossGE()) > 1e-3f, sa.lossGE() + " vs " + sb.lossGE());
        assertEquals(sa.lossCycle(), sb.lossCycle(), 1e-4f * Math.max(1, sa.lossCycle()), "the cycles' targets");
        assertArrayEquals(new float[] {sb.lossD(), sb.lossGE(), sb.lossCycle(), sb.dReal(), sb.dFake()},
                new float[] {sc.lossD(), sc.lossGE(), sc.lossCycle(), sc.dReal(), sc.dFake()}, 1e-5f);
    }

    @Test
    void isKeptByACheckpointReadAsOffInAnOldOneAndRefusedOutsideZeroToOne() {
        TrainConfig noisy = TrainConfig.defaults(1).withInstanceNoise(0.1f);
        assertEquals(noisy, Json.GSON.fromJson(Json.GSON.toJson(noisy), TrainConfig.class));
        assertEquals(0.1f, noisy.withSeed(2).withGeneratorAverage(0.999f).withBetas(0f, 0.9f).instanceNoise());
        String old = Json.GSON.toJson(TrainConfig.defaults(1)).replaceAll(",\\s*\"instanceNoise\":\\s*0.0", "");
        assertTrue(!old.contains("instanceNoise"), old);
        assertEquals(0f, Json.GSON.fromJson(old, TrainConfig.class).instanceNoise(), "a checkpoint from before it");
        var e = assertThrows(IllegalArgumentException.class, () -> noisy.withInstanceNoise(-0.1f));
        assertTrue(e.getMessage().contains("instance noise must be 0 to 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> noisy.withInstanceNoise(2f));
        assertThrows(IllegalArgumentException.class, () -> noisy.withInstanceNoise(Float.NaN));
    }
}
