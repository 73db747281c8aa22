package org.latentlab.engine;

/**
 * Encoded test images placed in 2-D (principal components, UMAP or t-SNE), with their codes, so
 * that points picked on the map give latent vectors (a direction between two groups of them).
 *
 * @param xy 2 floats per point; @param labels one per point (-1 when unlabelled)
 * @param indices the test-set index of each point
 * @param codes E(x) of each point: zdim floats per point, in the order of the points
 * @param method how {@code xy} was made from the codes
 * @param subject what the points are, for the map's title: "test set", or "images" where the data
 *     have no test split (an image folder)
 */
public record LatentMap(float[] xy, int[] labels, int[] indices, String[] classNames, float[] codes,
        MapMethod method, String subject) {
    /** A map of a test set on the first two principal components. */
    public LatentMap(float[] xy, int[] labels, int[] indices, String[] classNames, float[] codes) {
        this(xy, labels, indices, classNames, codes, MapMethod.PCA, "test set");
    }

    public int size() {
        return labels.length;
    }

    /** The latent size of the codes. */
    public int zdim() {
        return size() == 0 ? 0 : codes.length / size();
    }

    /** The code of point {@code i}. */
    public float[] code(int i) {
        int d = zdim();
        float[] z = new float[d];
        System.arraycopy(codes, i * d, z, 0, d);
        return z;
    }

    /** The same points placed by another method. */
    public LatentMap withLayout(MapMethod by, float[] placed) {
        if (placed.length != 2 * size()) {
            throw new IllegalArgumentException("A layout of " + placed.length / 2 + " points for " + size());
        }
        return new LatentMap(placed, labels, indices, classNames, codes, by, subject);
    }
}
