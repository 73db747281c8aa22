package org.latentlab.explore;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.latentlab.latent.LatentDirections.Named;

/**
 * Named directions in a JSON file, for one latent size: the directions a user defined, to apply
 * to any z of a model with that latent size, in the window or with {@code decode --move}.
 * <pre>{"format": "latentlab-directions", "version": 1, "zdim": 32,
 *  "directions": [{"name": "thicker", "vector": [0.01, ...]}]}</pre>
 */
public final class DirectionFile {
    static final String FORMAT = "latentlab-directions";

    private DirectionFile() {}

    public static void write(Path file, List<Named> directions, int zdim) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("version", 1);
        o.addProperty("zdim", zdim);
        o.add("directions", toJson(directions, zdim));
        JsonFiles.write(file, o);
    }

    /** The file's directions, checked for a model whose latent vectors have {@code zdim} values. */
    public static List<Named> read(Path file, int zdim) throws IOException {
        JsonObject o = JsonFiles.read(file, FORMAT, "directions");
        try {
            return fromJson(o.getAsJsonArray("directions"), zdim);
        } catch (IllegalArgumentException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage());
        } catch (RuntimeException e) { // a field of another JSON type
            throw new IOException(file.getFileName() + " is damaged: its directions are not names with vectors.");
        }
    }

    static JsonArray toJson(List<Named> directions, int zdim) {
        JsonArray list = new JsonArray();
        for (Named d : directions) {
            check(d.vector(), zdim, d.name());
            JsonObject one = new JsonObject();
            one.addProperty("name", d.name());
            one.add("vector", Floats.toJson(d.vector()));
            list.add(one);
        }
        return list;
    }

    /** Directions from JSON; an IllegalArgumentException says which one is wrong and how. */
    static List<Named> fromJson(JsonArray list, int zdim) {
        if (list == null) {
            throw new IllegalArgumentException("it holds no list of directions.");
        }
        List<Named> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonElement e : list) {
            JsonObject one = e.getAsJsonObject();
            String name = one.has("name") ? one.get("name").getAsString().strip() : "";
            if (name.isEmpty()) {
                throw new IllegalArgumentException("direction " + (out.size() + 1) + " has no name.");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("two directions are called '" + name + "'.");
            }
            float[] v = Floats.fromJson(one.get("vector"), "direction '" + name + "'");
            check(v, zdim, name);
            out.add(new Named(name, v));
        }
        return out;
    }

    private static void check(float[] v, int zdim, String name) {
        if (v.length != zdim) {
            throw new IllegalArgumentException("direction '" + name + "' has " + v.length
                    + " values; this model's latent vectors have " + zdim + ".");
        }
    }
}
