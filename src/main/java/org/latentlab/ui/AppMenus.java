package org.latentlab.ui;

import java.util.List;
import javafx.beans.binding.BooleanExpression;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.latentlab.ui.common.FileDialogs;
import org.latentlab.ui.encoder.EncoderView;
import org.latentlab.ui.explorer.ExplorerView;
import org.latentlab.ui.training.RunActions;
import org.latentlab.ui.training.TrainingState;
import org.latentlab.ui.training.TrainingView;
import org.latentlab.ui.training.TrainingViewModel;

/**
 * The menu bar: every common action with its keyboard shortcut, in one place, so Help → Keyboard
 * shortcuts lists what the menus hold. Text fields keep their own Ctrl+C/Ctrl+V: JavaFX gives a
 * menu accelerator only the keys a focused text field did not take.
 */
final class AppMenus {
    private AppMenus() {}

    /** The views whose actions the menus reach. */
    record Views(TabPane tabs, ExplorerView explorer, EncoderView encoder, TrainingView training) {}

    static MenuBar bar(MainViewModel vm, Views views, HelpDialogs help, FileDialogs dialogs) {
        MenuBar bar = new MenuBar();
        bar.getMenus().addAll(file(vm, views, dialogs), explore(vm, views), training(vm.training(), views), view(views),
                helpMenu(bar, help));
        return bar;
    }

    private static Menu file(MainViewModel vm, Views v, FileDialogs dialogs) {
        Menu file = new Menu("_File");
        file.setId("menu-file");
        MenuItem openImage = item("Open image…", "Shortcut+I", () -> show(v, 1, v.encoder()::openImageDialog));
        MenuItem pasteImage = item("Paste image", "Shortcut+V", () -> show(v, 1, v.encoder()::pasteImage));
        MenuItem save = item("Save checkpoint as…", "Shortcut+S", v.training()::saveCheckpointAs);
        save.setId("menu-save-checkpoint");
        save.disableProperty().bind(vm.training().stateProperty().isEqualTo(TrainingState.STOPPING));
        BooleanExpression noStrip = vm.encoder().interpolation().stripProperty().isNull();
        MenuItem png = disabledWhile(item("Export interpolation as PNG…", null, v.encoder()::exportStrip), noStrip);
        MenuItem gif = disabledWhile(item("Export interpolation as GIF…", null, v.encoder()::exportGif), noStrip);
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            Stage stage = (Stage) v.tabs().getScene().getWindow();
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)); // a run saves first
        });
        file.getItems().addAll(ModelMenu.items(vm, dialogs));
        file.getItems().addAll(new SeparatorMenuItem(), openImage, pasteImage, new SeparatorMenuItem(), save, png, gif,
                new SeparatorMenuItem(), quit);
        return file;
    }

    private static Menu explore(MainViewModel vm, Views v) {
        var ex = vm.explorer();
        Menu menu = new Menu("_Explore", null,
                item("Randomize", "Shortcut+R", () -> show(v, 0, ex::randomize)),
                item("Reset", "Shortcut+0", () -> show(v, 0, ex::reset)),
                item("Remember in gallery", "Shortcut+M", () -> show(v, 0, ex::remember)),
                new SeparatorMenuItem(),
                item("Copy z", "Shortcut+Shift+C", v.explorer()::copyZ),
                item("Paste z", "Shortcut+Shift+V", () -> show(v, 0, v.explorer()::pasteZ)),
                new SeparatorMenuItem(),
                item("Refresh directions and map", null, () -> show(v, 0, ex::refreshDirections)));
        menu.setId("menu-explore");
        return menu;
    }

    private static Menu training(TrainingViewModel t, Views v) {
        RunActions run = new RunActions(t); // the same rules as the tab's buttons
        MenuItem start = disabledWhile(item("Start", "F5", () -> show(v, 2, t::start)), run.canStartProperty().not());
        MenuItem pause = disabledWhile(item("Pause / Resume", "F6", run::pauseOrResume), run.runGoingProperty().not());
        MenuItem stop = disabledWhile(item("Stop and save", "Shift+F5", t::stop), run.runGoingProperty().not());
        MenuItem load = item("Continue from a checkpoint…", null, () -> show(v, 2, v.training()::loadCheckpoint));
        load.disableProperty().bind(t.stateProperty().isNotEqualTo(TrainingState.IDLE));
        Menu menu = new Menu("_Training", null, start, pause, stop, new SeparatorMenuItem(), load);
        menu.setId("menu-training");
        return menu;
    }

    private static Menu view(Views v) {
        Menu menu = new Menu("_View");
        menu.setId("menu-view");
        List<Tab> tabs = v.tabs().getTabs();
        for (int i = 0; i < tabs.size(); i++) {
            int index = i;
            menu.getItems().add(item(tabs.get(i).getText(), "Shortcut+" + (i + 1),
                    () -> v.tabs().getSelectionModel().select(index)));
        }
        MenuItem full = item("Full screen", "F11", () -> {
            Stage stage = (Stage) v.tabs().getScene().getWindow();
            stage.setFullScreen(!stage.isFullScreen());
        });
        menu.getItems().addAll(new SeparatorMenuItem(), full);
        return menu;
    }

    private static Menu helpMenu(MenuBar bar, HelpDialogs help) {
        MenuItem keys = item("Keyboard shortcuts", "F1", () -> help.showShortcuts(bar));
        keys.setId("menu-shortcuts");
        MenuItem docs = item("Documentation (README)", null, help::openDocumentation);
        MenuItem about = item("About Latent Lab", null, help::showAbout);
        about.setId("menu-about");
        Menu menu = new Menu("_Help", null, keys, docs, new SeparatorMenuItem(), about);
        menu.setId("menu-help");
        return menu;
    }

    /** Selects tab {@code index}, then runs the action (a shortcut from another tab shows its effect). */
    private static void show(Views v, int index, Runnable action) {
        v.tabs().getSelectionModel().select(index);
        action.run();
    }

    private static MenuItem disabledWhile(MenuItem item, BooleanExpression condition) {
        item.disableProperty().bind(condition);
        return item;
    }

    static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
