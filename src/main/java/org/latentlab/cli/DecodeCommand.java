package org.latentlab.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentlab.data.ImageGrid;
import org.latentlab.engine.LatentModel;
import org.latentlab.engine.LatentModels;
import org.latentlab.engine.TorchThreads;
import org.latentlab.latent.LatentText;
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
        List<Float> values = read(zFile);
        TorchThreads.prepare(TorchThreads.trainingThreads());
        try (LatentModel m = LatentModels.open(model.path())) {
            ModelConfig c = m.config();
            float[] z;
            try {
                z = LatentText.checked(values, c.zdim(), m.prior().bound());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), zFile + ": " + e.getMessage());
            }
            ImageGrid.writePng(ImageGrid.tile(m.generate(z), 1, 1, c.channels(), c.imageSize(), scale), out);
            spec.commandLine().getOut().println("wrote G(z) to " + out);
        }
        return 0;
    }

    private List<Float> read(Path file) throws IOException {
        JsonElement json;
        try {
            json = JsonParser.parseString(Files.readString(file));
        } catch (JsonParseException e) {
            throw new ParameterException(spec.commandLine(), file + " is not JSON: " + e.getMessage());
        }
        if (json.isJsonObject()) {
            JsonObject o = json.getAsJsonObject();
            json = o.has("refined_z") ? o.get("refined_z") : o.get("z");
        }
        if (json == null || !json.isJsonArray()) {
            throw new ParameterException(spec.commandLine(), file
                    + " holds no latent vector: give a JSON array of numbers, or an object with \"z\".");
        }
        List<Float> values = new ArrayList<>();
        for (JsonElement e : (JsonArray) json) {
            values.add(e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsFloat() : null);
        }
        return values;
    }
}
