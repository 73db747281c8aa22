package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.AppPaths;
import org.latentlab.data.GeneratedData;
import org.latentlab.interop.TorchScriptFixtures;

/** The explorer's sample of encodings, computed in chunks that wait for a pause in dragging. */
class DataCacheTest {
    @Test
    void chunkedEncodingEqualsOneBatchAndWaitsBeforeEachChunk() throws Exception {
        try (InferenceModel model = InferenceModel.load(AppPaths.bundledModel())) {
            DataCache cache = DataCache.load("mnist", model.config(), List.of());
            AtomicInteger waits = new AtomicInteger();
            QuietGate counting = new QuietGate(System::nanoTime, nanos -> { }) {
                @Override
                void awaitQuiet() {
                    waits.incrementAndGet();
                }
            };
            float[] chunked = cache.encodeSample(model, counting);
            int n = DataCache.ENCODED;
            assertEquals(1 + n / DataCache.CHUNK, waits.get(), "before loading, and before each chunk");
            float[] x = new float[n * 784];
            for (int i = 0; i < n; i++) {
                cache.test().copyImage(i, x, i * 784);
            }
            assertArrayEquals(model.encode(x, n), chunked, 1e-5f);
        }
    }

    /** Projected codes (an imported generator without an encoder) are kept in its folder for the next opening. */
    @Test
    void projectedCodesAreKeptWithTheModel(@TempDir Path dir) throws Exception {
        Path shapes = GeneratedData.folder(dir.resolve("shapes"), 20, 40, false);
        Path model = TorchScriptFixtures.importGray(dir.resolve("imported"), shapes.toString());
        QuietGate open = new QuietGate(System::nanoTime, nanos -> { });
        float[] first;
        try (LatentModel m = LatentModels.open(model, 5)) {
            first = DataCache.load(shapes.toString(), m.config(), List.of()).encodeSample(m, open);
        }
        try (var files = Files.list(model)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("projected-")).count());
        }
        try (LatentModel m = LatentModels.open(model, 5)) {
            assertFalse(m.hasEncoder());
            assertArrayEquals(first, DataCache.load(shapes.toString(), m.config(), List.of()).encodeSample(m, open));
        }
        try (LatentModel m = LatentModels.open(model, 6)) { // other steps, other codes: not the kept ones
            assertNull(m.cachedCodes(shapes + "|x"));
        }
    }
}
