package org.latentlab.cli;

import java.awt.image.BufferedImage;
import org.latentlab.data.DataFormatException;
import org.latentlab.data.Preparation;
import org.latentlab.engine.LatentModel;
import picocli.CommandLine.Option;

/** The shared {@code --prepare} and {@code --invert} options: how a picture becomes a model input. */
final class PreparationOption {
    @Option(names = "--prepare", paramLabel = "HOW", description = "How the picture becomes a model input:"
            + " centre-digit (MNIST's recipe), crop (centred square) or letterbox (whole picture on black); default:"
            + " the way the model's own data were made.")
    String how;
    @Option(names = "--invert", description = "Swap light and dark first (for dark objects on a light ground).")
    boolean invert;

    float[] apply(LatentModel model, BufferedImage picture) throws DataFormatException {
        Preparation p;
        try {
            p = how == null ? null : Preparation.fromId(how);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException("--prepare must be centre-digit, crop or letterbox, not '" + how + "'.");
        }
        return model.preprocess(picture, p, invert);
    }
}
