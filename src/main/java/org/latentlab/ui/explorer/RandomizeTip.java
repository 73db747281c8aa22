package org.latentlab.ui.explorer;

import java.util.Locale;
import org.latentlab.engine.ModelInfo;

/** Where Randomize draws z from for a model, in words for its tooltip. */
final class RandomizeTip {
    private RandomizeTip() {}

    static String of(ModelInfo info, double temperature) {
        return info != null && info.fittedDensity()
                ? String.format(Locale.ROOT, "Draw z from this model's latent density, fitted to the codes of its "
                        + "training images, at temperature %.2f (1 = as fitted; lower = sharper, less varied samples)"
                        + " (Ctrl+R)", temperature)
                : "Draw z from the prior U(-1, 1): this model has no fitted latent density yet"
                        + " (train or fit-density adds one) (Ctrl+R)";
    }
}
