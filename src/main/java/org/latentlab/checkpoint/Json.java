package org.latentlab.checkpoint;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The project's one JSON configuration: pretty, with NaN allowed (metrics may be undefined). */
public final class Json {
    public static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();
    public static final Gson COMPACT = new GsonBuilder().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();

    private Json() {}
}
