package org.latentlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentlab.data.ImageGrid;
import org.latentlab.engine.LatentModel;
import org.latentlab.engine.LatentModels;
import org.latentlab.engine.TorchThreads;
import org.latentlab.model.ModelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sample",
        description = "Writes a grid of generated images G(z), z from the model's fitted latent density "
        + "(see fit-density), or from the prior for a model without one or with --prior.")
final class SampleCommand implements Callable<Integer> {
    @Mixin ModelOption model;
    @Option(names = "--count", defaultValue = "64",
            description = "Number of samples (default ${DEFAULT-VALUE}).") int count;
    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--scale", defaultValue = "2",
            description = "Pixel scale of the grid (default ${DEFAULT-VALUE}).") int scale;
    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "The grid of samples to write.")
    Path out;
    @Option(names = {"--prior", "--uniform"}, description = "Draw z from the model's prior (U(-1, 1); N(0, 1) for an"
            + " imported generator that declares it) even if the model has a fitted density.")
    boolean uniform;
    @Mixin TemperatureOption temperature;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > 10_000) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--count must be between 1 and 10000");
        }
        temperature.check(spec);
        TorchThreads.prepare(TorchThreads.trainingThreads());
        try (LatentModel m = LatentModels.open(model.path())) {
            ModelConfig c = m.config();
            double drawnAt = temperature.of(m);
            float[] images = m.generate(m.drawLatents(count, seed, uniform, drawnAt), count);
            int cols = (int) Math.ceil(Math.sqrt(count));
            ImageGrid.writePng(ImageGrid.tile(images, count, cols, c.channels(), c.imageSize(), scale), out);
            String from = m.density() != null && !uniform
                    ? "the fitted latent density at temperature " + drawnAt : "the prior " + m.prior().describe();
            spec.commandLine().getOut().println("wrote " + count + " samples (z from " + from + ") to " + out);
        }
        return 0;
    }
}
