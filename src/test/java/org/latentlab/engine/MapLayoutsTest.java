package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UMAP and t-SNE of codes: clusters stay apart, layouts are kept on disk, a newer request cancels. */
@Tag("slow")
class MapLayoutsTest {
    private static final int N = 300;
    private static final int D = 16;
    @TempDir Path dir;

    /** Three well separated clusters of codes, labelled 0, 1, 2. */
    private static LatentMap clusters() {
        Random r = new Random(7);
        float[] codes = new float[N * D];
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < D; j++) {
                codes[i * D + j] = (j % 3 == labels[i] ? 2f : 0f) + 0.3f * (float) r.nextGaussian();
            }
        }
        return new LatentMap(new float[2 * N], labels, new int[N], new String[] {"a", "b", "c"}, codes);
    }

    /** The share of points whose nearest neighbour in the layout has their label. */
    private static double neighboursAgree(LatentMap m) {
        int agree = 0;
        for (int i = 0; i < N; i++) {
            int best = -1;
            double bestD = Double.MAX_VALUE;
            for (int k = 0; k < N; k++) {
                double dx = m.xy()[2 * i] - m.xy()[2 * k];
                double dy = m.xy()[2 * i + 1] - m.xy()[2 * k + 1];
                if (k != i && dx * dx + dy * dy < bestD) {
                    bestD = dx * dx + dy * dy;
                    best = k;
                }
            }
            agree += m.labels()[best] == m.labels()[i] ? 1 : 0;
        }
        return agree / (double) N;
    }

    @Test
    void bothMethodsKeepClustersApartAndAreKeptOnDisk() throws Exception {
        LatentMap map = clusters();
        for (MapMethod method : new MapMethod[] {MapMethod.UMAP, MapMethod.TSNE}) {
            List<Double> progress = new CopyOnWriteArrayList<>();
            LatentMap placed;
            try (MapLayouts layouts = new MapLayouts(dir)) {
                placed = layouts.layout(map, method, progress::add).join();
            }
            assertEquals(method, placed.method());
            assertTrue(neighboursAgree(placed) > 0.97, method + ": " + neighboursAgree(placed));
            assertTrue(!progress.isEmpty() && progress.get(progress.size() - 1) > 0.9, method + " " + progress);
            try (MapLayouts again = new MapLayouts(dir)) {
                List<Double> none = new CopyOnWriteArrayList<>();
                assertArrayEquals(placed.xy(), again.layout(map, method, none::add).join().xy(), "read back");
                assertTrue(none.isEmpty(), "read from disk, not computed");
            }
        }
        try (var files = Files.list(dir)) {
            List<Path> kept = files.toList();
            assertEquals(2, kept.size(), kept.toString());
            Files.write(kept.get(0), new byte[] {1, 2, 3}); // damaged: computed again, not an error
        }
        try (MapLayouts layouts = new MapLayouts(dir)) {
            for (MapMethod method : new MapMethod[] {MapMethod.UMAP, MapMethod.TSNE}) {
                assertEquals(2 * N, layouts.layout(map, method, p -> {}).join().xy().length);
            }
        }
    }

    @Test
    void aNewerRequestCancelsOneStillComputing() {
        try (MapLayouts layouts = new MapLayouts(null)) {
            var first = layouts.layout(clusters(), MapMethod.TSNE, p -> {});
            var second = layouts.layout(clusters(), MapMethod.UMAP, p -> {});
            CompletionException e = assertThrows(CompletionException.class, first::join);
            assertTrue(e.getCause() instanceof CancellationException, e.toString());
            assertEquals(MapMethod.UMAP, second.join().method());
        }
    }

    @Test
    void theDiskKeepsTheMostRecentlyUsedLayoutsOnly() throws Exception {
        long old = System.currentTimeMillis() - 3_600_000;
        for (int i = 0; i < MapLayouts.KEPT_ON_DISK + 6; i++) {
            Path stale = Files.write(dir.resolve("old-" + i + ".xy"), new byte[8]);
            Files.setLastModifiedTime(stale, FileTime.fromMillis(old + i));
        }
        try (MapLayouts layouts = new MapLayouts(dir)) {
            layouts.layout(clusters(), MapMethod.UMAP, p -> {}).join();
        }
        try (var files = Files.list(dir)) {
            List<String> kept = files.map(p -> p.getFileName().toString()).toList();
            assertEquals(MapLayouts.KEPT_ON_DISK, kept.size());
            assertTrue(kept.stream().anyMatch(n -> !n.startsWith("old-")), "the new layout is kept");
            assertTrue(kept.contains("old-" + (MapLayouts.KEPT_ON_DISK + 5) + ".xy") && !kept.contains("old-0.xy"),
                    "the least recently used went first");
        }
    }
}
