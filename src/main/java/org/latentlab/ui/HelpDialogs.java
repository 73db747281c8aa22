package org.latentlab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.GridPane;
import org.latentlab.AppPaths;

/** Help → Keyboard shortcuts, Documentation and About. */
final class HelpDialogs {
    /** Keys that belong to controls, not menus; the menus' own shortcuts are read from the menus. */
    static final List<String[]> CONTROL_KEYS = List.of(
            new String[] {"Left / Right arrow", "Move the focused slider one step (0.05 for z, 0.1 for directions)"},
            new String[] {"Page Up / Page Down", "Move the focused slider ten steps"},
            new String[] {"Tab / Shift+Tab", "Next / previous control"},
            new String[] {"Delete", "Remove the selected gallery item"},
            new String[] {"Enter", "Apply a typed z value, or go to a typed training step"},
            new String[] {"Scroll / drag (on the map)", "Zoom about the pointer / pan; double-click shows all"},
            new String[] {"Shift+drag (on the map)", "Lasso points into the chosen group of your direction"});

    private final Supplier<Map<String, String>> versions;
    private final Consumer<String> openUri;
    private final Node anchor;

    /** {@code openUri} opens a file or web address in the desktop's viewer (the app's host services). */
    /** {@code versions} is asked when About opens (it loads the PyTorch engine: not at start-up). */
    HelpDialogs(Supplier<Map<String, String>> versions, Consumer<String> openUri, Node anchor) {
        this.versions = versions;
        this.openUri = openUri;
        this.anchor = anchor;
    }

    /** Every menu shortcut (read from the menus themselves) and the keys of the controls. */
    static List<String[]> shortcuts(MenuBar bar) {
        List<String[]> rows = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (item.getAccelerator() != null) {
                    rows.add(new String[] {item.getAccelerator().getDisplayText(),
                        menu.getText().replace("_", "") + " › " + item.getText()});
                }
            }
        }
        rows.addAll(CONTROL_KEYS);
        return rows;
    }

    void showShortcuts(MenuBar bar) {
        GridPane grid = grid();
        List<String[]> rows = shortcuts(bar);
        for (int i = 0; i < rows.size(); i++) {
            Label key = new Label(rows.get(i)[0]);
            key.setStyle("-fx-font-weight: bold");
            grid.addRow(i, key, new Label(rows.get(i)[1]));
        }
        show("Keyboard shortcuts", "Keyboard shortcuts", grid);
    }

    void showAbout() {
        GridPane grid = grid();
        int row = 0;
        for (Map.Entry<String, String> e : versions.get().entrySet()) {
            grid.addRow(row++, new Label(e.getKey()), new Label(e.getValue()));
        }
        grid.addRow(row, new Label("Documentation"), new Label(readme().toString()));
        show("About Latent Lab", "Latent Lab: train a BiGAN and explore its latent space", grid);
    }

    void openDocumentation() {
        Path readme = readme();
        if (Files.isRegularFile(readme)) {
            openUri.accept(readme.toUri().toString());
        } else {
            show("Documentation", "The README is not where it should be", new Label("Expected at " + readme));
        }
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(4);
        grid.setPadding(new Insets(8));
        return grid;
    }

    static Path readme() {
        return AppPaths.home().resolve("README.md").toAbsolutePath().normalize();
    }

    private void show(String title, String header, Node content) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setContent(content);
        if (anchor.getScene() != null) {
            alert.initOwner(anchor.getScene().getWindow());
            alert.getDialogPane().getStylesheets().addAll(anchor.getScene().getStylesheets());
        }
        alert.show(); // not showAndWait: the window (and a robot test) goes on
    }
}
