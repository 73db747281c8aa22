package org.latentlab.cli;

import org.latentlab.engine.LatentModel;
import org.latentlab.latent.GaussianMixture;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The shared {@code --temperature} of the commands that draw from a fitted density: the one given,
 * else the density's own ({@link LatentModel#samplingTemperature}).
 */
final class TemperatureOption {
    @Option(names = "--temperature",
            description = "Spread of the fitted density's samples, above 0 and at most 1: lower is sharper and less"
                    + " varied (default: the model's own, set by fit-density --temperature; "
                    + GaussianMixture.DEFAULT_TEMPERATURE + " where none was set).")
    Double temperature;

    /** A temperature given out of range, as a usage error before anything is loaded. */
    void check(CommandSpec spec) {
        if (temperature != null) {
            check(spec, temperature);
        }
    }

    /** The temperature to draw {@code model}'s density at. */
    double of(LatentModel model) {
        return temperature != null ? temperature : model.samplingTemperature();
    }

    /**
     * A temperature {@link GaussianMixture#tempered} would refuse, as a usage error (exit code 2)
     * naming the option.
     */
    static void check(CommandSpec spec, double temperature) {
        if (!GaussianMixture.isValidTemperature(temperature)) {
            throw new ParameterException(spec.commandLine(),
                    "--temperature must be " + GaussianMixture.TEMPERATURE_RANGE + ", got " + temperature);
        }
    }
}
