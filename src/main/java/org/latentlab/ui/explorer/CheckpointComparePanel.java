package org.latentlab.ui.explorer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.latentlab.engine.RunCheckpoint;
import org.latentlab.ui.common.OwnedWindows;

/** Two checkpoints of the run side by side on the explorer's z, in a window of its own. */
final class CheckpointComparePanel extends VBox {
    static final String WINDOW_TITLE = "Compare checkpoints";

    private CheckpointComparePanel(CheckpointCompareViewModel vm) {
        super(10);
        setPadding(new Insets(12));
        setId("compare-checkpoints");
        setAlignment(Pos.TOP_CENTER);
        Label intro = new Label("Two checkpoints of this run draw the explorer's z: move a slider there and both"
                + " follow.");
        intro.setWrapText(true);
        Label message = new Label();
        message.setId("compare-checkpoints-message");
        message.getStyleClass().add("message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox sides = new HBox(16, side(vm, true), side(vm, false));
        sides.setAlignment(Pos.CENTER);
        getChildren().addAll(intro, sides, message);
    }

    private static VBox side(CheckpointCompareViewModel vm, boolean left) {
        ComboBox<RunCheckpoint> step = new ComboBox<>(vm.checkpoints());
        step.setId(left ? "compare-left" : "compare-right");
        step.valueProperty().bindBidirectional(left ? vm.leftProperty() : vm.rightProperty());
        step.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunCheckpoint c) {
                return CheckpointCompareViewModel.label(c);
            }

            @Override
            public RunCheckpoint fromString(String s) {
                return null;
            }
        });
        ImageView image = new ImageView();
        image.setId(left ? "compare-left-image" : "compare-right-image");
        image.imageProperty().bind(left ? vm.leftImageProperty() : vm.rightImageProperty());
        image.setSmooth(false);
        Node framed = ExplorerView.framed(image);
        VBox box = new VBox(6, step, framed);
        box.setAlignment(Pos.TOP_CENTER);
        box.visibleProperty().bind(Bindings.isNotEmpty(vm.checkpoints()));
        return box;
    }

    /** Opens the comparison beside the main window, or brings it to the front; it renders only while open. */
    static void show(Node owner, CheckpointCompareViewModel vm) {
        OwnedWindows.show(owner, WINDOW_TITLE, () -> new CheckpointComparePanel(vm), 440, 330, vm::hide);
        vm.show();
    }
}
