package org.latentlab.explore;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.latent.LatentDirections.Named;
import org.latentlab.latent.Walk;

/**
 * An {@link ExplorerSession} as JSON. The model's folder is written relative to the session file
 * when it lies under the file's folder (a folder holding both can be moved or shared), else absolute.
 * <pre>{"format": "latentlab-session", "version": 1, "model": "runs/fashion/step-00006000", "z": [...],
 *  "amounts": {"PC1": 1.5}, "gallery": [[...], ...], "directions": [{"name": ..., "vector": [...]}],
 *  "walk": {"frames_per_leg": 30, "easing": "smooth", "spherical": false},
 *  "randomize": {"from_prior": false, "temperature": 0.7}}</pre>
 */
public final class SessionFile {
    static final String FORMAT = "latentlab-session";

    private SessionFile() {}

    /** Whether {@code file} is meant as a session: a file named *.json (a model is a folder). */
    public static boolean isSession(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    public static void write(Path file, ExplorerSession s) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("version", 1);
        Path dir = file.toAbsolutePath().getParent();
        Path model = s.model().toAbsolutePath().normalize();
        o.addProperty("model", (model.startsWith(dir) ? dir.relativize(model) : model).toString());
        o.add("z", Floats.toJson(s.z()));
        JsonObject amounts = new JsonObject();
        s.amounts().forEach(amounts::addProperty);
        o.add("amounts", amounts);
        JsonArray gallery = new JsonArray();
        s.gallery().forEach(z -> gallery.add(Floats.toJson(z)));
        o.add("gallery", gallery);
        o.add("directions", DirectionFile.toJson(s.directions(), s.zdim()));
        JsonObject walk = new JsonObject();
        walk.addProperty("frames_per_leg", s.walk().framesPerLeg());
        walk.addProperty("easing", s.walk().easing().name().toLowerCase(Locale.ROOT));
        walk.addProperty("spherical", s.walk().spherical());
        o.add("walk", walk);
        JsonObject randomize = new JsonObject();
        randomize.addProperty("from_prior", s.fromPrior());
        if (GaussianMixture.isValidTemperature(s.temperature())) { // not NaN, a session that left it to the model
            randomize.addProperty("temperature", s.temperature());
        }
        o.add("randomize", randomize);
        JsonFiles.write(file, o);
    }

    /** The session in {@code file}, its model's folder made absolute; an IOException in words when it is not one. */
    public static ExplorerSession read(Path file) throws IOException {
        JsonObject o = JsonFiles.read(file, FORMAT, "session");
        try {
            return parse(o, file.toAbsolutePath().getParent());
        } catch (IllegalArgumentException e) {
            throw new IOException("The session " + file.getFileName() + " cannot be restored: " + e.getMessage());
        } catch (RuntimeException e) { // a field of another JSON type
            throw new IOException("The session " + file.getFileName() + " is damaged: " + e.getMessage());
        }
    }

    private static List<float[]> gallery(JsonArray list, int zdim) {
        List<float[]> gallery = new ArrayList<>();
        for (JsonElement e : list) {
            float[] g = Floats.fromJson(e, "gallery image " + (gallery.size() + 1));
            if (g.length != zdim) {
                throw new IllegalArgumentException("gallery image " + (gallery.size() + 1) + " has " + g.length
                        + " values, z has " + zdim + ".");
            }
            gallery.add(g);
        }
        return gallery;
    }

    private static ExplorerSession parse(JsonObject o, Path dir) {
        if (!o.has("model")) {
            throw new IllegalArgumentException("it names no model.");
        }
        Path model = dir.resolve(o.get("model").getAsString()).normalize();
        float[] z = Floats.fromJson(o.get("z"), "z");
        Map<String, Double> amounts = new LinkedHashMap<>();
        if (o.has("amounts")) {
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("amounts").entrySet()) {
                double a = e.getValue().getAsDouble();
                if (!Double.isFinite(a)) {
                    throw new IllegalArgumentException("the amount of " + e.getKey() + " is not a number.");
                }
                amounts.put(e.getKey(), a);
            }
        }
        List<float[]> gallery = o.has("gallery") ? gallery(o.getAsJsonArray("gallery"), z.length) : List.of();
        var directions = o.has("directions") ? DirectionFile.fromJson(o.getAsJsonArray("directions"), z.length)
                : List.<Named>of();
        JsonObject walk = o.has("walk") ? o.getAsJsonObject("walk") : new JsonObject();
        Walk.Settings settings = new Walk.Settings(walk.has("frames_per_leg") ? walk.get("frames_per_leg").getAsInt()
                : 30, Walk.Easing.parse(walk.has("easing") ? walk.get("easing").getAsString() : "smooth"),
                walk.has("spherical") && walk.get("spherical").getAsBoolean());
        JsonObject r = o.has("randomize") ? o.getAsJsonObject("randomize") : new JsonObject();
        double t = r.has("temperature") ? r.get("temperature").getAsDouble() : Double.NaN; // NaN: the model's own
        if (r.has("temperature") && !GaussianMixture.isValidTemperature(t)) {
            throw new IllegalArgumentException("the temperature must be " + GaussianMixture.TEMPERATURE_RANGE + ".");
        }
        return new ExplorerSession(model, z, amounts, gallery, directions, settings,
                r.has("from_prior") && r.get("from_prior").getAsBoolean(), t);
    }
}
