package org.latentlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentlab.data.ImageFiles;
import org.latentlab.data.ImageGrid;
import org.latentlab.engine.LatentModel;
import org.latentlab.engine.LatentModels;
import org.latentlab.engine.TorchThreads;
import org.latentlab.model.ModelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "interpolate", description = "Encodes two images and writes a strip of frames G(z) between them.")
final class InterpolateCommand implements Callable<Integer> {
    @Mixin ModelOption model;
    @Mixin PreparationOption preparation;
    @Parameters(index = "0", paramLabel = "IMAGE_A", description = "The picture the path starts from.") Path imageA;
    @Parameters(index = "1", paramLabel = "IMAGE_B", description = "The picture the path ends at.") Path imageB;
    @Option(names = "--frames", defaultValue = "8",
            description = "Frames including both ends (default ${DEFAULT-VALUE}).") int frames;
    @Option(names = "--slerp", description = "Spherical instead of linear interpolation.") boolean slerp;
    @Option(names = "--scale", defaultValue = "3", description = "Pixel scale (default ${DEFAULT-VALUE}).") int scale;
    @Option(names = "--out", required = true, paramLabel = "FILE.png",
            description = "The strip of frames to write.") Path out;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (frames < 2 || frames > 256) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--frames must be between 2 and 256");
        }
        TorchThreads.prepare(TorchThreads.trainingThreads());
        try (LatentModel m = LatentModels.open(model.path())) {
            ModelConfig c = m.config();
            float[] za = m.encode(preparation.apply(m, ImageFiles.read(imageA)));
            float[] zb = m.encode(preparation.apply(m, ImageFiles.read(imageB)));
            float[] strip = m.interpolate(za, zb, frames, slerp);
            ImageGrid.writePng(ImageGrid.tile(strip, frames, frames, c.channels(), c.imageSize(), scale), out);
        }
        spec.commandLine().getOut().println("wrote " + frames + " frames to " + out);
        return 0;
    }
}
