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
import org.latentlab.latent.LatentText;

/** A latent vector in a JSON file: an array of numbers, or what {@code encode} prints (refined_z, else z). */
final class LatentFile {
    private LatentFile() {}

    /** The file's z, checked against the model's latent size and prior range; errors in words. */
    static float[] read(Path file, int zdim, float bound) throws IOException {
        JsonElement json;
        try {
            json = JsonParser.parseString(Files.readString(file));
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage());
        }
        if (json.isJsonObject()) {
            JsonObject o = json.getAsJsonObject();
            json = o.has("refined_z") ? o.get("refined_z") : o.get("z");
        }
        if (json == null || !json.isJsonArray()) {
            throw new IllegalArgumentException(file
                    + " holds no latent vector: give a JSON array of numbers, or an object with \"z\".");
        }
        List<Float> values = new ArrayList<>();
        for (JsonElement e : (JsonArray) json) {
            values.add(e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsFloat() : null);
        }
        try {
            return LatentText.checked(values, zdim, bound);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }
}
