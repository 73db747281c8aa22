package org.latentlab.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models opened last, newest first, kept in a text file (one folder per line). The file is
 * written only when a model is opened, so a window that never opens one writes nothing; models
 * whose folders are gone are dropped when the list is read.
 */
public final class RecentModels {
    static final int MAX = 8;
    private static final Logger LOG = LoggerFactory.getLogger(RecentModels.class);
    private final Path file;
    private final ObservableList<Path> models = FXCollections.observableArrayList();

    /** The list kept in {@code file} (null: kept in memory only). */
    public RecentModels(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Path p = Path.of(line.strip());
                    if (!line.isBlank() && Files.isDirectory(p) && !models.contains(p) && models.size() < MAX) {
                        models.add(p);
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not read the recent models from {}: {}", file, e.getMessage());
            }
        }
    }

    /** Puts {@code model} first and saves the list; a failure to save is logged, never shown as an error. */
    public void opened(Path model) {
        Path p = model.toAbsolutePath().normalize();
        models.remove(p);
        models.add(0, p);
        if (models.size() > MAX) {
            models.remove(MAX, models.size());
        }
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            List<String> lines = new ArrayList<>();
            models.forEach(m -> lines.add(m.toString()));
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Could not save the recent models to {}: {}", file, e.getMessage());
        }
    }

    public ObservableList<Path> models() {
        return models;
    }
}
