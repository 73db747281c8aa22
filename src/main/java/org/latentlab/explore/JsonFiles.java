package org.latentlab.explore;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.latentlab.checkpoint.Json;
import org.latentlab.data.AtomicFiles;

/** Reading a JSON file of ours with errors in words, and writing one so that a crash leaves the old file whole. */
final class JsonFiles {
    private JsonFiles() {}

    /** The file's object, checked to be of {@code format} (e.g. "latentlab-directions") at version 1. */
    static JsonObject read(Path file, String format, String what) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("There is no file " + file + ".");
        }
        JsonObject o;
        try {
            o = JsonParser.parseString(text).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(file.getFileName() + " is not a " + what + " file: it is not JSON.");
        }
        if (!o.has("format") || !o.get("format").isJsonPrimitive() || !format.equals(o.get("format").getAsString())) {
            throw new IOException(file.getFileName() + " is not a " + what + " file of Latent Lab.");
        }
        JsonElement version = o.get("version");
        if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()
                || version.getAsInt() != 1) {
            throw new IOException(file.getFileName() + " was written by a newer Latent Lab (version "
                    + o.get("version") + "); this one reads version 1.");
        }
        return o;
    }

    /** Writes {@code o} to {@code file} whole: the file is the old one or the new one, never half. */
    static void write(Path file, JsonObject o) throws IOException {
        AtomicFiles.replace(file, tmp -> Files.writeString(tmp, Json.GSON.toJson(o) + "\n", StandardCharsets.UTF_8));
    }
}
