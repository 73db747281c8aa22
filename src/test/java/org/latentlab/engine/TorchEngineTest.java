package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.GeneratedData;
import org.latentlab.interop.TorchScriptFixtures;
import org.latentlab.eval.EvaluationProgress;

@Tag("slow")
class TorchEngineTest {
    @Test
    void theExplorerKeepsRenderingWhileMetricsAreComputed() throws Exception {
        try (LatentEngine engine = new TorchEngine()) {
            ModelInfo info = engine.loadBundledModel().get(60, TimeUnit.SECONDS);
            CompletableFuture<Map<String, Object>> metrics = engine.evaluate(EvaluationProgress.NONE);
            long[] metricsDone = new long[1];
            CompletableFuture<?> metricsTimed = metrics.thenRun(() -> metricsDone[0] = System.nanoTime());
            float[] image = engine.generate(new float[info.config().zdim()]).get(60, TimeUnit.SECONDS);
            long renderDone = System.nanoTime();
            assertEquals(info.config().pixels(), image.length);
            Map<String, Object> m = metrics.get(300, TimeUnit.SECONDS);
            metricsTimed.get(10, TimeUnit.SECONDS);
            assertTrue(renderDone < metricsDone[0],
                    "the render came back before the evaluation (tens of seconds) ended");
            double nn = ((Number) m.get("one_nn_accuracy")).doubleValue();
            assertTrue(nn > 0.9, "1-NN accuracy of the bundled model: " + nn);
        }
    }

    /**
     * Directions and the map need the test set loaded and 5,000 images encoded (about a second): on
     * the analysis thread, so a render asked for after them comes back first. Both requests share
     * one encoding, and the results are cached for the model version.
     */
    @Test
    void theExplorerKeepsRenderingWhileDirectionsAndTheMapAreComputed() throws Exception {
        try (LatentEngine engine = new TorchEngine()) {
            ModelInfo info = engine.loadBundledModel().get(60, TimeUnit.SECONDS);
            CompletableFuture<List<Direction>> directions = engine.directions();
            CompletableFuture<LatentMap> map = engine.latentMap();
            long[] mapDone = new long[1];
            CompletableFuture<?> mapTimed = map.thenRun(() -> mapDone[0] = System.nanoTime());
            float[] image = engine.generate(new float[info.config().zdim()]).get(60, TimeUnit.SECONDS);
            long renderDone = System.nanoTime();
            assertEquals(info.config().pixels(), image.length);
            mapTimed.get(120, TimeUnit.SECONDS);
            assertTrue(renderDone < mapDone[0], "the render came back before the encoding for the map ended");
            assertEquals(DataCache.PRINCIPAL_COMPONENTS + 10, directions.get(120, TimeUnit.SECONDS).size(),
                    "8 principal components and one direction per digit");
            LatentMap first = map.get(120, TimeUnit.SECONDS);
            assertEquals(DataCache.ENCODED, first.labels().length);
            assertTrue(first == engine.latentMap().get(60, TimeUnit.SECONDS), "cached for this model version");
            assertEquals("test set", first.subject());
        }
    }

    /** Refinement starts from E(x) and keeps the best z, so it never makes a reconstruction worse. */
    @Test
    void refiningATestImageNeverMakesItWorse() throws Exception {
        try (LatentEngine engine = new TorchEngine()) {
            engine.loadBundledModel().get(60, TimeUnit.SECONDS);
            Encoding e = engine.encodeTestImage(3).get(60, TimeUnit.SECONDS);
            int[] steps = new int[1];
            var r = engine.refine(e.input(), e.z(), 10, (step, err) -> ++steps[0] > 0).get(60, TimeUnit.SECONDS);
            assertEquals(10, steps[0]);
            assertEquals(11, r.errors().length);
            assertTrue(r.error() <= e.error() + 1e-6f, r.error() + " after, " + e.error() + " before");
        }
    }

    /** One stream of model changes: a load is published once, in order, with a rising revision. */
    @Test
    void everyLoadIsPublishedOnceToEverySubscriber() throws Exception {
        try (LatentEngine engine = new TorchEngine()) {
            List<ModelChange> a = new CopyOnWriteArrayList<>();
            List<ModelChange> b = new CopyOnWriteArrayList<>();
            engine.subscribe(a::add);
            engine.subscribe(b::add);
            ModelInfo first = engine.loadBundledModel().get(60, TimeUnit.SECONDS);
            engine.loadBundledModel().get(60, TimeUnit.SECONDS);
            assertEquals(2, a.size());
            assertEquals(a, b);
            assertEquals(first, a.get(0).info());
            assertTrue(a.get(0).loaded());
            assertTrue(a.get(1).revision() > a.get(0).revision());
        }
    }

    /**
     * An imported generator without an encoder, with a data set named at import: the window's
     * directions (principal and class), map and metrics come from projected test images.
     */
    @Test
    void anImportedGeneratorIsExploredAndMeasuredOnItsDataSet(@TempDir Path dir) throws Exception {
        Path shapes = GeneratedData.folder(dir.resolve("shapes"), 20, 40, false);
        Path model = TorchScriptFixtures.importGray(dir.resolve("imported"), shapes.toString());
        try (LatentEngine engine = new TorchEngine()) {
            ModelInfo info = engine.loadModel(model).get(60, TimeUnit.SECONDS);
            assertEquals(GeneratedData.CLASSES.stream().sorted().toList(), info.classNames());
            List<Direction> directions = engine.directions().get(120, TimeUnit.SECONDS);
            assertTrue(directions.stream().anyMatch(d -> d.name().equals("toward bar")), directions.toString());
            LatentMap map = engine.latentMap().get(60, TimeUnit.SECONDS);
            assertEquals(60, map.indices().length, "every shape projected");
            assertEquals("images", map.subject(), "a folder has no test set: the map's title says images");
            Map<String, Object> m = engine.evaluate(EvaluationProgress.NONE).get(300, TimeUnit.SECONDS);
            assertTrue(m.containsKey("recon_mse") && m.containsKey("images_projected"), m.toString());
        }
    }
}
