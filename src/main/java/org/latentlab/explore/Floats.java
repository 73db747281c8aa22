package org.latentlab.explore;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/** Latent vectors as JSON arrays of numbers, and back, refusing what is not a finite number. */
final class Floats {
    private Floats() {}

    static JsonArray toJson(float[] v) {
        JsonArray a = new JsonArray();
        for (float x : v) {
            a.add(x);
        }
        return a;
    }

    /** The numbers of {@code e}; an IllegalArgumentException naming {@code what} when it is not a list of numbers. */
    static float[] fromJson(JsonElement e, String what) {
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException(what + " is not a list of numbers.");
        }
        JsonArray a = e.getAsJsonArray();
        float[] v = new float[a.size()];
        for (int i = 0; i < v.length; i++) {
            JsonElement x = a.get(i);
            if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isNumber() || !Float.isFinite(x.getAsFloat())) {
                throw new IllegalArgumentException("value " + (i + 1) + " of " + what + " is not a number.");
            }
            v[i] = x.getAsFloat();
        }
        return v;
    }
}
