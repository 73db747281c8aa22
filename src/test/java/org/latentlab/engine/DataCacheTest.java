package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.latentlab.AppPaths;

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
}
