package org.latentlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentlab.data.ImageGrid;
import org.latentlab.engine.LatentModel;
import org.latentlab.engine.LatentModels;
import org.latentlab.engine.TorchThreads;
import org.latentlab.explore.DirectionFile;
import org.latentlab.latent.LatentDirections;
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
    @Option(names = "--directions", paramLabel = "DIRECTIONS.json", description = "Directions saved from the window"
            + " (Explorer, your direction: Save…), for --move.") Path directionsFile;
    @Option(names = "--move", paramLabel = "NAME=AMOUNT", description = "Moves z along a direction of --directions"
            + " (repeatable; as its slider in the window: 1 = from group A's mean to group B's).")
    Map<String, Double> moves = new LinkedHashMap<>();
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
            z = moved(z, c.zdim(), m.prior().bound());
            ImageGrid.writePng(ImageGrid.tile(m.generate(z), 1, 1, c.channels(), c.imageSize(), scale), out);
            spec.commandLine().getOut().println("wrote G(z) to " + out);
        }
        return 0;
    }

    /** z moved along the --move directions, clipped to the prior's range as the window does. */
    private float[] moved(float[] z, int zdim, float bound) throws IOException {
        if (moves.isEmpty()) {
            return z;
        }
        if (directionsFile == null) {
            throw new ParameterException(spec.commandLine(), "--move needs --directions: the file the directions"
                    + " were saved to");
        }
        Map<String, float[]> known = new LinkedHashMap<>();
        DirectionFile.read(directionsFile, zdim).forEach(d -> known.put(d.name(), d.vector()));
        List<float[]> vectors = new ArrayList<>();
        float[] amounts = new float[moves.size()];
        for (Map.Entry<String, Double> move : moves.entrySet()) {
            float[] v = known.get(move.getKey());
            if (v == null || !Double.isFinite(move.getValue())) {
                throw new ParameterException(spec.commandLine(), v == null ? "No direction '" + move.getKey()
                        + "' in " + directionsFile + "; it has: " + String.join(", ", known.keySet())
                        : "--move " + move.getKey() + " needs a number");
            }
            amounts[vectors.size()] = move.getValue().floatValue();
            vectors.add(v);
        }
        return LatentDirections.apply(z, vectors, amounts, bound);
    }
}
