package org.latentlab.engine;

import java.util.Locale;

/** How the latent map places the codes in 2-D. */
public enum MapMethod {
    /** The first two principal components: linear, instant, distances along them are real. */
    PCA("PCA", "PC1 × PC2"),
    /** UMAP: neighbourhoods kept, clusters apart (seconds for 10,000 points). */
    UMAP("UMAP", "UMAP"),
    /** Barnes-Hut t-SNE: neighbourhoods kept, the slowest (tens of seconds for 10,000 points). */
    TSNE("t-SNE", "t-SNE");

    private final String label;
    private final String axes;

    MapMethod(String label, String axes) {
        this.label = label;
        this.axes = axes;
    }

    /** The name users know it by. */
    public String label() {
        return label;
    }

    /** What the map's two axes are, for its title ("test set on PC1 × PC2"). */
    public String axes() {
        return axes;
    }

    /** pca, umap or tsne (t-sne), any case; an IllegalArgumentException in words otherwise. */
    public static MapMethod parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("-", "");
        for (MapMethod m : values()) {
            if (m.name().toLowerCase(Locale.ROOT).equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("The map method must be pca, umap or tsne, not '" + text + "'");
    }
}
