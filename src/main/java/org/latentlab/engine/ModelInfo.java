package org.latentlab.engine;

import java.nio.file.Path;
import java.util.Map;
import org.latentlab.model.ModelConfig;

/** What the UI needs to know about the loaded model. {@code source} is null for a live training model. */
public record ModelInfo(ModelConfig config, long step, String dataset, Path source, Map<String, Double> metrics) {
    public String describe() {
        String where = source != null ? source.getFileName().toString() : "training";
        return String.format("%s · %s · z %d · step %,d", where, config.arch().name().toLowerCase(), config.zdim(), step);
    }
}
