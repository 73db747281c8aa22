package org.latentlab.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The window's file dialogs. Each kind opens in the folder it was last used in (else a folder that
 * fits it, else home), never in GTK's "Recent" view, where a typed folder path leaves Open disabled.
 */
public final class FileDialogs {
    private final FolderMemory memory;
    private final Node anchor;

    /** Dialogs owned by {@code anchor}'s window. */
    public FileDialogs(FolderMemory memory, Node anchor) {
        this.memory = memory;
        this.anchor = anchor;
    }

    private Window owner() {
        return anchor.getScene() == null ? null : anchor.getScene().getWindow();
    }

    public Optional<Path> chooseFolder(String kind, String title, Path fallback) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        dc.setInitialDirectory(memory.folderFor(kind, fallback).toFile());
        return remembered(kind, dc.showDialog(owner()));
    }

    public Optional<Path> openFile(String kind, String title, Path fallback,
            List<FileChooser.ExtensionFilter> filters) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialDirectory(memory.folderFor(kind, fallback).toFile());
        fc.getExtensionFilters().addAll(filters);
        return remembered(kind, fc.showOpenDialog(owner()));
    }

    public Optional<Path> saveFile(String kind, String title, String name, Path fallback,
            FileChooser.ExtensionFilter filter) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialDirectory(memory.folderFor(kind, fallback).toFile());
        fc.setInitialFileName(name);
        if (filter != null) {
            fc.getExtensionFilters().add(filter);
        }
        return remembered(kind, fc.showSaveDialog(owner()));
    }

    private Optional<Path> remembered(String kind, File chosen) {
        if (chosen == null) {
            return Optional.empty();
        }
        memory.used(kind, chosen.toPath());
        return Optional.of(chosen.toPath());
    }
}
