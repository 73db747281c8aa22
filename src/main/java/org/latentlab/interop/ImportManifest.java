package org.latentlab.interop;

import java.util.Map;
import org.latentlab.data.DataDescription;
import org.latentlab.latent.LatentPrior;

/**
 * manifest.json of an imported model's folder: what the generator (and encoder) were declared
 * and found to be, and the SHA-256 of each file, so a damaged file is an error, not a wrong model.
 *
 * @param prior "uniform" (U(-1, 1)) or "normal" (N(0, 1))
 * @param outputRange the range of G's pixels: [0, 1] or [-1, 1]
 * @param files file name to SHA-256: generator.pt, and encoder.pt when there is one
 * @param sources where the files were imported from
 * @param data the data set the user named at import (its directions, map and test images come
 *     from it), or null
 */
public record ImportManifest(String format, int version, int zdim, String prior, float[] outputRange, int channels,
        int imageSize, Map<String, String> files, Map<String, String> sources, String command, String created,
        DataDescription data) {
    public static final String FORMAT = "latentlab-imported-generator";
    public static final String GENERATOR = "generator.pt";
    public static final String ENCODER = "encoder.pt";

    public LatentPrior latentPrior() {
        return LatentPrior.parse(prior);
    }

    /** The data set named at import, else none (the images' shape only). */
    public DataDescription dataOrNone() {
        return data != null ? data : DataDescription.none(channels, imageSize);
    }

    public boolean hasEncoder() {
        return files.containsKey(ENCODER);
    }
}
