package org.latentlab.ui.common;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder each kind of file dialog was last used in ("image", "export", "model", …), kept in a
 * properties file so the next session's dialogs open there too. Folders that are gone are forgotten.
 */
public final class FolderMemory {
    private static final Logger LOG = LoggerFactory.getLogger(FolderMemory.class);
    private final Path file;
    private final Properties folders = new Properties();

    /** The folders kept in {@code file} (null: kept in memory only). */
    public FolderMemory(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                folders.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Could not read the remembered folders from {}: {}", file, e.getMessage());
            }
        }
    }

    /** Where a dialog of {@code kind} opens: its last folder if it still exists, else {@code fallback}. */
    public Path folderFor(String kind, Path fallback) {
        String last = folders.getProperty(kind);
        if (last != null && Files.isDirectory(Path.of(last))) {
            return Path.of(last);
        }
        if (fallback != null && Files.isDirectory(fallback)) {
            return fallback;
        }
        return Path.of(System.getProperty("user.home"));
    }

    /** Remembers the folder a dialog of {@code kind} chose {@code chosen} in (a file's folder, or the folder). */
    public void used(String kind, Path chosen) {
        Path folder = Files.isDirectory(chosen) || chosen.getParent() == null ? chosen : chosen.getParent();
        folders.setProperty(kind, folder.toAbsolutePath().toString());
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                folders.store(w, "Latent Lab: the folder each file dialog was last used in");
            }
        } catch (IOException e) {
            LOG.warn("Could not save the remembered folders to {}: {}", file, e.getMessage());
        }
    }
}
