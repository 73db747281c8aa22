package org.latentlab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import org.latentlab.AppPaths;
import org.latentlab.explore.SessionFile;
import org.latentlab.ui.common.FileDialogs;

/**
 * Opening models: File → Open model (a checkpoint folder or its run folder), the recent models,
 * the models that ship with the app, sessions (open and save); a model folder or a session file
 * dropped on the window opens it too.
 */
final class ModelMenu {
    private static final FileChooser.ExtensionFilter SESSIONS =
            new FileChooser.ExtensionFilter("Latent Lab sessions (*.json)", "*.json");

    private ModelMenu() {}

    /** File → Open model…, Open recent and Bundled models. */
    static List<MenuItem> items(MainViewModel vm, FileDialogs dialogs) {
        MenuItem open = AppMenus.item("Open model…", "Shortcut+O", () -> dialogs.chooseFolder("model",
                "Open a model: a checkpoint folder or a training run's folder", AppPaths.home().resolve("models"))
                .ifPresent(vm::openModel));
        open.setId("menu-open-model");
        Menu recent = new Menu("Open recent");
        recent.setId("menu-recent");
        fill(recent, vm);
        vm.recent().models().addListener((ListChangeListener<Path>) c -> fill(recent, vm));
        Menu bundled = new Menu("Bundled models");
        for (Path p : AppPaths.bundledModels()) {
            MenuItem item = new MenuItem(p.getFileName().toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.openModel(p));
            bundled.getItems().add(item);
        }
        bundled.setDisable(bundled.getItems().isEmpty());
        MenuItem openSession = AppMenus.item("Open session…", "Shortcut+Shift+O", () -> dialogs.openFile("session",
                "Open a session", AppPaths.home(), List.of(SESSIONS)).ifPresent(vm::openSession));
        openSession.setId("menu-open-session");
        MenuItem saveSession = AppMenus.item("Save session as…", "Shortcut+Shift+S", () -> dialogs.saveFile("session",
                "Save the explorer's state: model, z, gallery, directions, walk", "session.json", AppPaths.home(),
                SESSIONS).ifPresent(vm::saveSession));
        saveSession.setId("menu-save-session");
        return List.of(open, recent, bundled, new SeparatorMenuItem(), openSession, saveSession);
    }

    private static void fill(Menu recent, MainViewModel vm) {
        recent.getItems().clear();
        for (Path p : vm.recent().models()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.openModel(p));
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    /** A folder dragged over the window: accepted as a model to open. */
    static void dragOver(DragEvent e) {
        if (droppedModel(e) != null) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        }
    }

    static void dropped(DragEvent e, MainViewModel vm) {
        Path folder = droppedModel(e);
        if (folder != null) {
            if (SessionFile.isSession(folder)) {
                vm.openSession(folder);
            } else {
                vm.openModel(folder);
            }
            e.setDropCompleted(true);
            e.consume();
        }
    }

    private static Path droppedModel(DragEvent e) {
        var db = e.getDragboard();
        if (db.hasFiles() && db.getFiles().size() == 1 && (Files.isDirectory(db.getFiles().get(0).toPath())
                || SessionFile.isSession(db.getFiles().get(0).toPath()))) {
            return db.getFiles().get(0).toPath();
        }
        return null;
    }
}
