package org.latentlab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentlab.checkpoint.Json;
import org.latentlab.data.ImageFiles;
import org.latentlab.data.ImageGrid;
import org.latentlab.data.Pixels;
import org.latentlab.engine.ImportedModel;
import org.latentlab.engine.LatentModel;
import org.latentlab.engine.LatentModels;
import org.latentlab.engine.TorchThreads;
import org.latentlab.model.ModelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "encode",
        description = "Encodes an image to z = E(x); prints JSON with z and the reconstruction error.")
final class EncodeCommand implements Callable<Integer> {
    @Mixin ModelOption model;
    @Mixin PreparationOption preparation;
    @Parameters(index = "0", paramLabel = "IMAGE", description = "A PNG, JPEG, BMP or GIF picture.") Path image;
    @Option(names = "--out", paramLabel = "RECON.png",
            description = "Write input | reconstruction side by side.") Path out;
    @Option(names = "--refine", defaultValue = "0",
            description = "Gradient steps on z after encoding (default 0).") int refine;
    @Option(names = "--steps", defaultValue = "" + ImportedModel.PROJECTION_STEPS, paramLabel = "N",
            description = "For an imported generator without an encoder: gradient steps of the projection that"
                    + " encodes (default ${DEFAULT-VALUE}).") int steps;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TorchThreads.prepare(TorchThreads.trainingThreads());
        if (steps < 0 || steps > 10_000) {
            throw new ParameterException(spec.commandLine(), "--steps must be 0 to 10000");
        }
        try (LatentModel m = LatentModels.open(model.path(), steps)) {
            ModelConfig c = m.config();
            float[] x = preparation.apply(m, ImageFiles.read(image));
            float[] z = m.encode(x);
            float[] recon = m.generate(z);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("image", image.toString());
            json.put("z", z);
            json.put("reconstruction_mse", Pixels.meanSquaredError(x, recon));
            if (refine > 0) {
                var r = m.refine(x, z, refine, (t, err) -> true);
                recon = m.generate(r.z());
                json.put("refined_z", r.z());
                json.put("refined_mse", r.error());
            }
            if (out != null) {
                float[] pair = new float[2 * c.pixels()];
                System.arraycopy(x, 0, pair, 0, c.pixels());
                System.arraycopy(recon, 0, pair, c.pixels(), c.pixels());
                ImageGrid.writePng(ImageGrid.tile(pair, 2, 2, c.channels(), c.imageSize(), 4), out);
                json.put("reconstruction_png", out.toString());
            }
            spec.commandLine().getOut().println(Json.COMPACT.toJson(json));
        }
        return 0;
    }
}
