package org.latentlab.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentlab.checkpoint.CheckpointLoader;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.checkpoint.LatentDensityFile;
import org.latentlab.data.DataSources;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.MnistDataset;
import org.latentlab.engine.TorchThreads;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.model.BiGan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "fit-density",
        description = "Fits a Gaussian mixture to the codes E(x) of the training set and stores it "
        + "in the checkpoint; sample, eval and the explorer's Randomize then draw z from it. "
        + "train does this at its end.")
final class FitDensityCommand implements Callable<Integer> {
    @Mixin ModelOption model;
    @Option(names = "--data", description = "Training data (default: the checkpoint's own data set).") String data;
    @Option(names = "--components", defaultValue = "" + LatentDensityFile.THOROUGH_COMPONENTS,
            description = "Mixture components (default ${DEFAULT-VALUE}).") int components;
    @Option(names = "--max-codes", defaultValue = "" + LatentDensityFile.THOROUGH_MAX_CODES,
            description = "Training images encoded at most (default ${DEFAULT-VALUE}).") int maxCodes;
    @Option(names = "--seed", defaultValue = "0",
            description = "Seed of the fit's initialisation (default ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--temperature", defaultValue = "" + GaussianMixture.DEFAULT_TEMPERATURE,
            description = "The temperature sample, eval and the explorer draw from this density at unless told"
                    + " otherwise, above 0 and at most 1 (1 = as fitted; default ${DEFAULT-VALUE}, the best"
                    + " measured on MNIST; compare with eval --temperature on your data).") double temperature;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (components < 1 || maxCodes < 2 * components) {
            throw new ParameterException(spec.commandLine(), "--components must be at least 1 and --max-codes at least "
                    + "twice the components");
        }
        TemperatureOption.check(spec, temperature);
        TorchThreads.prepare(TorchThreads.trainingThreads());
        Path dir = Checkpoints.resolve(model.path());
        var manifest = Checkpoints.readManifest(dir);
        long t0 = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager(); BiGan m = CheckpointLoader.loadModel(dir, manager)) {
            var c = m.config();
            ImageDataset ds = DataSources.load(data != null ? data : manifest.dataset(), MnistDataset.Split.TRAIN,
                    c.imageSize(), c.channels());
            var settings = new LatentDensityFile.Settings(components, maxCodes,
                    LatentDensityFile.Settings.THOROUGH.threads());
            GaussianMixture g = LatentDensityFile.fit(m, ds, settings, seed).withTemperature(temperature);
            LatentDensityFile.attach(dir, g);
            spec.commandLine().getOut().printf("fitted %d components to %d codes in %.1f s, drawn at temperature %s"
                    + " by default; wrote %s%n", g.components(), Math.min(maxCodes, ds.count()),
                    (System.nanoTime() - t0) / 1e9, g.temperature(), dir.resolve(LatentDensityFile.FILE));
        }
        return 0;
    }
}
