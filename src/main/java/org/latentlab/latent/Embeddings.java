package org.latentlab.latent;

import de.javagl.tsne.Tsne;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tagbio.umap.ProgressListener;
import tagbio.umap.Umap;
import tagbio.umap.UmapProgress;

/**
 * Codes laid out in 2-D by UMAP (Tag.bio's umap-java) or Barnes-Hut t-SNE (javagl's bh-tsne),
 * with the libraries' usual settings. Codes are row-major: n rows of d floats; the result is 2
 * floats a row. {@code progress} hears the fraction done; when {@code cancelled} turns true the
 * work stops with a CancellationException at the next progress report.
 */
public final class Embeddings {
    /** The seed of both methods, so a map is the same each time it is computed. */
    public static final long SEED = 1;
    private static final Logger LOG = LoggerFactory.getLogger(Embeddings.class);
    /** Neighbours UMAP keeps (its default) and t-SNE's perplexity (the usual 30). */
    private static final int NEIGHBOURS = 15;
    private static final double PERPLEXITY = 30;
    /** t-SNE's iterations: the usual 1,000 (250 of them with early exaggeration). */
    private static final int TSNE_ITERATIONS = 1000;

    private Embeddings() {}

    public static float[] umap(float[] codes, int n, int d, DoubleConsumer progress, BooleanSupplier cancelled) {
        Umap umap = new Umap();
        umap.setNumberComponents(2);
        umap.setNumberNearestNeighbours(Math.min(NEIGHBOURS, n - 1));
        umap.setSeed(SEED);
        umap.setThreads(Math.max(1, Runtime.getRuntime().availableProcessors() - 1)); // a core for the window
        // The library reports to listeners of the whole JVM; one map is computed at a time (one thread).
        ProgressListener listener = state -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("another map was asked for");
            }
            progress.accept(state.getTotal() == 0 ? 0 : state.getCount() / (double) state.getTotal());
        };
        UmapProgress.addProgressListener(listener);
        try {
            return flat(umap.fitTransform(rows(codes, n, d)));
        } finally {
            UmapProgress.removeProgressListener(listener);
        }
    }

    public static float[] tsne(float[] codes, int n, int d, DoubleConsumer progress, BooleanSupplier cancelled) {
        Tsne tsne = new Tsne();
        tsne.setOutputDims(2);
        tsne.setInitialDims(d); // the codes as they are: no PCA first
        tsne.setPerplexity(Math.min(PERPLEXITY, (n - 1) / 3.0));
        tsne.setMaxIterations(TSNE_ITERATIONS);
        tsne.setTheta(0.5);
        tsne.setRandomSeed(SEED);
        tsne.setMessageConsumer(m -> LOG.debug("t-SNE: {}", m));
        tsne.setProgressConsumer(p -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("another map was asked for");
            }
            progress.accept(p);
        });
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = codes[i * d + j];
            }
        }
        double[][] y = tsne.run(x);
        float[] out = new float[2 * n];
        for (int i = 0; i < n; i++) {
            out[2 * i] = (float) y[i][0];
            out[2 * i + 1] = (float) y[i][1];
        }
        return out;
    }

    private static float[][] rows(float[] codes, int n, int d) {
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(codes, i * d, rows[i], 0, d);
        }
        return rows;
    }

    private static float[] flat(float[][] y) {
        float[] out = new float[2 * y.length];
        for (int i = 0; i < y.length; i++) {
            out[2 * i] = y[i][0];
            out[2 * i + 1] = y[i][1];
        }
        return out;
    }
}
