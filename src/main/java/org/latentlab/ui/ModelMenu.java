package org.latentlab.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.stage.DirectoryChooser;
import javafx.stage.WindowEvent;
import org.latentlab.AppPaths;

/**
 * The window's File menu: open a model (a checkpoint folder or its run folder), the recent
 * models, the models that ship with the app, quit; and a model folder dropped on the window opens it too.
 */
final class ModelMenu {
    private ModelMenu() {}

    static MenuBar bar(MainViewModel vm) {
        MenuItem open = new MenuItem("Open model…");
        open.setId("menu-open-model");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a model: a checkpoint folder or a training run's folder");
            File dir = chooser.showDialog(open.getParentPopup().getOwnerWindow());
            if (dir != null) {
                vm.openModel(dir.toPath());
            }
        });
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
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> { // through the close request, so a running training saves first
            var window = quit.getParentPopup().getOwnerWindow();
            window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
        });
        Menu file = new Menu("_File", null, open, recent, bundled, new SeparatorMenuItem(), quit);
        file.setId("menu-file");
        return new MenuBar(file);
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
        if (droppedFolder(e) != null) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        }
    }

    static void dropped(DragEvent e, MainViewModel vm) {
        Path folder = droppedFolder(e);
        if (folder != null) {
            vm.openModel(folder);
            e.setDropCompleted(true);
            e.consume();
        }
    }

    private static Path droppedFolder(DragEvent e) {
        var db = e.getDragboard();
        if (db.hasFiles() && db.getFiles().size() == 1 && Files.isDirectory(db.getFiles().get(0).toPath())) {
            return db.getFiles().get(0).toPath();
        }
        return null;
    }
}
