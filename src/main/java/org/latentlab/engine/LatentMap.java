package org.latentlab.engine;

/**
 * The encoded test set projected on its first two principal components.
 *
 * @param xy 2 floats per point; @param labels one per point (-1 when unlabelled)
 * @param indices the test-set index of each point
 */
public record LatentMap(float[] xy, int[] labels, int[] indices, String[] classNames) {
    public int size() {
        return labels.length;
    }
}
