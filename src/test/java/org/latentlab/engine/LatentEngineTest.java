package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatentEngineTest {
    @Test
    void theExplorerKeepsRenderingWhileMetricsAreComputed() throws Exception {
        try (LatentEngine engine = new LatentEngine()) {
            ModelInfo info = engine.loadBundledModel().get(60, TimeUnit.SECONDS);
            CompletableFuture<Map<String, Object>> metrics = engine.evaluate();
            float[] image = engine.generate(new float[info.config().zdim()]).get(60, TimeUnit.SECONDS);
            assertEquals(info.config().pixels(), image.length);
            assertFalse(metrics.isDone(), "the render came back before the evaluation (tens of seconds) ended");
            Map<String, Object> m = metrics.get(300, TimeUnit.SECONDS);
            double nn = ((Number) m.get("one_nn_accuracy")).doubleValue();
            assertTrue(nn > 0.9, "1-NN accuracy of the bundled model: " + nn);
        }
    }
}
