package org.latentlab.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;
import org.latentlab.data.AtomicFiles;
import org.latentlab.latent.Embeddings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The map's UMAP and t-SNE layouts, computed on a thread of their own (seconds to a minute for
 * 10,000 points) and kept per set of codes: in memory, and on disk under a SHA-256 of the codes
 * and the method, so a model opened again shows its map at once. A newer request cancels one
 * still computing: the user moved on.
 */
final class MapLayouts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MapLayouts.class);
    private static final int KEPT = 8;
    /** Layouts kept on disk (80 KB each for 10,000 points); the least recently used go first. */
    static final int KEPT_ON_DISK = 64;
    private final Path dir;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "latentlab-maps");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, float[]> memory = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > KEPT;
        }
    };
    private final AtomicLong requests = new AtomicLong();

    /** Layouts kept on disk in {@code dir} (null: in memory only). */
    MapLayouts(Path dir) {
        this.dir = dir;
    }

    /** {@code map}'s points placed by {@code method}; principal components are the map itself. */
    CompletableFuture<LatentMap> layout(LatentMap map, MapMethod method, DoubleConsumer progress) {
        if (method == MapMethod.PCA || map.method() == method) {
            return CompletableFuture.completedFuture(map);
        }
        long request = requests.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> map.withLayout(method, placed(map, method, progress,
                request)), thread);
    }

    private float[] placed(LatentMap map, MapMethod method, DoubleConsumer progress, long request) {
        String key = key(map.codes(), method);
        synchronized (memory) {
            float[] known = memory.get(key);
            if (known != null) {
                return known;
            }
        }
        float[] xy = read(key, map.size());
        if (xy == null) {
            long start = System.nanoTime();
            int n = map.size();
            xy = method == MapMethod.UMAP
                    ? Embeddings.umap(map.codes(), n, map.zdim(), progress, () -> requests.get() != request)
                    : Embeddings.tsne(map.codes(), n, map.zdim(), progress, () -> requests.get() != request);
            LOG.info("{} of {} points in {} ms", method.label(), n, (System.nanoTime() - start) / 1_000_000);
            write(key, xy);
        }
        synchronized (memory) {
            memory.put(key, xy);
        }
        return xy;
    }

    static String key(float[] codes, MapMethod method) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(codes.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(codes);
            sha.update(b);
            sha.update((method.name() + "|" + Embeddings.SEED).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A kept layout, or null when there is none or it is not whole (a damaged file is computed again). */
    private float[] read(String key, int n) {
        Path file = dir == null ? null : dir.resolve(key + ".xy");
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != n) {
                return null;
            }
            float[] xy = new float[2 * n];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = in.readFloat();
            }
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis())); // used: kept longer
            return xy;
        } catch (IOException e) {
            LOG.warn("A kept map could not be read ({}); computing it again", e.getMessage());
            return null;
        }
    }

    /** Keeps a layout; a failure (a full disk) costs only the next opening's time, so it is logged. */
    private void write(String key, float[] xy) {
        if (dir == null) {
            return;
        }
        try {
            AtomicFiles.replace(dir.resolve(key + ".xy"), tmp -> {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(tmp)))) {
                    out.writeInt(xy.length / 2);
                    for (float v : xy) {
                        out.writeFloat(v);
                    }
                }
            });
            prune();
        } catch (IOException e) {
            LOG.warn("Could not keep the map in {}: {}", dir, e.getMessage());
        }
    }

    /** Deletes the least recently used layouts beyond {@link #KEPT_ON_DISK}. */
    private void prune() throws IOException {
        List<Path> kept;
        try (Stream<Path> files = Files.list(dir)) {
            kept = files.filter(p -> p.getFileName().toString().endsWith(".xy")).sorted(Comparator.comparing(
                    (Path p) -> p.toFile().lastModified()).reversed()).toList();
        }
        for (Path old : kept.subList(Math.min(kept.size(), KEPT_ON_DISK), kept.size())) {
            Files.deleteIfExists(old);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
