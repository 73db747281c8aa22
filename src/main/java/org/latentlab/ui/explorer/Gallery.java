package org.latentlab.ui.explorer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.latent.LatentText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The explorer's remembered z's, kept per model: a text file per model folder (one z per line) in
 * {@code dir}, so a model's gallery is there again after a restart, and another model's is not
 * mixed in. A model being trained (no folder yet) keeps its gallery in memory only.
 */
public final class Gallery {
    static final int LIMIT = 24;
    private static final Logger LOG = LoggerFactory.getLogger(Gallery.class);
    private final Path dir;
    private final ObservableList<ExplorerViewModel.Remembered> items = FXCollections.observableArrayList();
    private Path owner; // the model folder the items belong to; null: not kept on disk
    /** Counts the switches and replacements: an item read back for an earlier one arrives too late and is dropped. */
    private int generation;

    /** A gallery kept in {@code dir} (null: in memory only). */
    public Gallery(Path dir) {
        this.dir = dir;
    }

    ObservableList<ExplorerViewModel.Remembered> items() {
        return items;
    }

    /** Another model: its own items from now on. Returns the z's kept for it, for their thumbnails. */
    List<float[]> switchTo(Path model, int zdim) {
        generation++;
        items.clear();
        owner = model == null ? null : model.toAbsolutePath().normalize();
        List<float[]> kept = new ArrayList<>();
        Path file = fileOf(owner);
        if (file == null || !Files.isRegularFile(file)) {
            return kept;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#") && kept.size() < LIMIT) {
                    kept.add(LatentText.parse(line, zdim));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Could not read the gallery of {} from {}: {}", owner, file, e.getMessage());
        }
        return kept;
    }

    void add(ExplorerViewModel.Remembered r) {
        if (items.size() >= LIMIT) {
            items.remove(0);
        }
        items.add(r);
        save();
    }

    public void remove(ExplorerViewModel.Remembered r) {
        if (items.remove(r)) {
            save();
        }
    }

    /** The current {@link #switchTo} or {@link #replace}, for {@link #restore}. */
    int generation() {
        return generation;
    }

    /** Items read back (from disk, or a session) for {@code forGeneration}: shown, not written again. */
    void restore(ExplorerViewModel.Remembered r, int forGeneration) {
        if (forGeneration == generation) {
            items.add(r);
        }
    }

    /**
     * A restored session's codes instead of the items, kept in the model's file from now on; their
     * thumbnails come later, through {@link #restore}.
     */
    void replace(List<float[]> codes) {
        generation++;
        items.clear();
        save(codes);
    }

    private void save() {
        save(items.stream().map(ExplorerViewModel.Remembered::z).toList());
    }

    private void save(List<float[]> codes) {
        Path file = fileOf(owner);
        if (file == null) {
            return;
        }
        List<String> lines = new ArrayList<>(List.of("# Latent Lab gallery of " + owner));
        codes.forEach(z -> lines.add(LatentText.format(z)));
        try {
            Files.createDirectories(dir);
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Could not save the gallery to {}: {}", file, e.getMessage());
        }
    }

    private Path fileOf(Path model) {
        if (dir == null || model == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(model.toString().getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(hash, 0, 8) + ".txt");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
