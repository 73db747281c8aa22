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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "decode", description = "Draws G(z) for a latent vector z given as JSON and writes it as a PNG.")
final class DecodeCommand implements Callable<Integer> {
    @Mixin ModelOption model;
    @Option(names = "--z", required = true, paramLabel = "Z.json",
            description = "z as a JSON array of numbers in the prior's range ([-1, 1]; [-3, 3] for a normal prior),"
                    + " or what encode prints (its refined_z if "
                    + "there is one, else its z).") Path zFile;
    @Option(names = "--out", required = true, paramLabel = "X.png", description = "The image to write.") Path out;
    @Option(names = "--scale", defaultValue = "4",
            description = "Pixels per image pixel, 1 to 16 (default ${DEFAULT-VALUE}).") int scale;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (scale < 1 || scale > 16) {
            throw new ParameterException(spec.commandLine(), "--scale must be between 1 and 16");
        }
        TorchThreads.prepare(TorchThreads.trainingThreads());
        try (LatentModel m = LatentModels.open(model.path())) {
            ModelConfig c = m.config();
            float[] z;
            try {
                z = LatentFile.read(zFile, c.zdim(), m.prior().bound());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            ImageGrid.writePng(ImageGrid.tile(m.generate(z), 1, 1, c.channels(), c.imageSize(), scale), out);
            spec.commandLine().getOut().println("wrote G(z) to " + out);
        }
        return 0;
    }
}
