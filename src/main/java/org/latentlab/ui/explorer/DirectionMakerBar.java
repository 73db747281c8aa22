package org.latentlab.ui.explorer;

import static org.latentlab.ui.common.Controls.button;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.latentlab.AppPaths;
import org.latentlab.ui.common.FileDialogs;

/**
 * Making a direction of one's own: the two groups' sizes, which group the map's lasso fills, a
 * name, and Add; the user's directions saved to or loaded from a file.
 */
final class DirectionMakerBar extends VBox {
    private static final List<FileChooser.ExtensionFilter> JSON =
            List.of(new FileChooser.ExtensionFilter("Directions (*.json)", "*.json"));

    DirectionMakerBar(DirectionMaker maker, FileDialogs dialogs) {
        super(4);
        setAlignment(Pos.CENTER);
        ToggleGroup lasso = new ToggleGroup();
        RadioButton toA = choice(DirectionMaker.Group.A, maker.groupA(), lasso, maker);
        RadioButton toB = choice(DirectionMaker.Group.B, maker.groupB(), lasso, maker);
        Button clear = button("Clear", "Empty both groups", maker::clear);
        Label title = new Label("Your direction: from");
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox groups = new HBox(10, title, toA, new Label("to"), toB, clear);
        groups.setAlignment(Pos.CENTER);
        TextField name = new TextField();
        name.setId("maker-name");
        name.setPromptText("its name, e.g. thicker");
        name.setPrefColumnCount(14);
        name.textProperty().bindBidirectional(maker.nameProperty());
        Button add = button("Add direction", "A slider from group A's mean code to group B's", maker::make);
        add.setId("maker-add");
        name.setOnAction(e -> maker.make());
        Button save = button("Save…", "Save your directions to a file", () -> dialogs.saveFile("directions",
                "Save your directions", "directions.json", AppPaths.home(), JSON.get(0)).ifPresent(maker::save));
        Button load = button("Load…", "Add directions from a file", () -> dialogs.openFile("directions",
                "Load directions", AppPaths.home(), JSON).ifPresent(maker::load));
        HBox make = new HBox(6, name, add, save, load);
        make.setAlignment(Pos.CENTER);
        Label message = new Label();
        message.setId("maker-message");
        message.getStyleClass().add("message");
        message.textProperty().bind(Bindings.when(maker.messageProperty().isEmpty())
                .then("Fill the groups: right-click gallery images, or Shift+drag on the map.")
                .otherwise(maker.messageProperty()));
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE); // in whole lines at 1024×700 too
        getChildren().addAll(groups, make, message);
    }

    /** "A (3)": the group a lasso on the map fills when chosen, with its size, in the colour of its marks. */
    private static RadioButton choice(DirectionMaker.Group g, ObservableList<float[]> members, ToggleGroup group,
            DirectionMaker maker) {
        RadioButton b = new RadioButton();
        b.setId("lasso-" + (g == DirectionMaker.Group.A ? "a" : "b"));
        b.textProperty().bind(Bindings.createStringBinding(() -> g.name() + " (" + members.size() + ")",
                members));
        b.setTextFill(g == DirectionMaker.Group.A ? MapLasso.GROUP_A : MapLasso.GROUP_B);
        b.setTooltip(new Tooltip("Shift+drag on the map adds the points inside to group " + g.name()));
        b.setToggleGroup(group);
        b.setSelected(maker.lassoGroupProperty().get() == g);
        b.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                maker.lassoGroupProperty().set(g);
            }
        });
        return b;
    }
}
