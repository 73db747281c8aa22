package org.latentlab.ui.explorer;

import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.latentlab.engine.ModelInfo;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.latent.LatentPrior;

/**
 * Where Randomize draws z from, chosen explicitly: the model's prior (U(-1, 1) or N(0, 1)), what a GAN's
 * generator is trained to cover, or the density fitted to the codes of its training images, at a
 * temperature (1 as fitted, lower for sharper, less varied samples; {@link GaussianMixture#tempered}).
 * A model without a fitted density has only the prior.
 */
public final class RandomizeSource {
    private final ObjectProperty<ModelInfo> model;
    private final DoubleProperty temperature = new SimpleDoubleProperty(GaussianMixture.DEFAULT_TEMPERATURE);
    private final BooleanProperty prior = new SimpleBooleanProperty(false);
    private final BooleanBinding usesDensity;
    private final StringExpression tip;

    RandomizeSource(ObjectProperty<ModelInfo> model) {
        this.model = model;
        model.addListener((o, was, now) -> { // another model is drawn at its own density's temperature
            if (now != null && (was == null || !Objects.equals(was.source(), now.source())
                    || was.densityTemperature() != now.densityTemperature())) {
                temperature.set(now.densityTemperature());
            }
        });
        usesDensity = Bindings.createBooleanBinding(() -> hasDensity() && !prior.get(), model, prior);
        tip = Bindings.createStringBinding(() -> usesDensity.get()
                ? String.format(Locale.ROOT, "Draw z from this model's latent density, fitted to the codes of its"
                        + " training images, at temperature %.2f (1 = as fitted; lower = sharper, less varied"
                        + " samples) (Ctrl+R)", temperature.get())
                : "Draw z from the prior " + priorName() + ", as the generator was trained to" + (hasDensity() ? ""
                        : " (this model has no fitted latent density yet: train or fit-density adds one)")
                        + " (Ctrl+R)", usesDensity, temperature, model);
    }

    /** The model's prior as written: U(-1, 1), or N(0, 1) for an imported generator that declares it. */
    public String priorName() {
        return model.get() == null ? LatentPrior.UNIFORM.describe() : model.get().prior().describe();
    }

    /** Whether the model has a fitted density to draw from at all. */
    public boolean hasDensity() {
        return model.get() != null && model.get().fittedDensity();
    }

    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    /** True: draw from the prior even when a fitted density exists. */
    public BooleanProperty priorProperty() {
        return prior;
    }

    /** Whether the next draw comes from the fitted density (the temperature then applies). */
    public BooleanBinding usesDensityProperty() {
        return usesDensity;
    }

    /** Chooses where Randomize draws from (a restored session's choice); a temperature out of range is left. */
    void restore(boolean fromPrior, double t) {
        prior.set(fromPrior);
        if (GaussianMixture.isValidTemperature(t)) {
            temperature.set(t);
        }
    }

    /** Randomize's tooltip: where it draws z from now. */
    public StringExpression tipProperty() {
        return tip;
    }
}
