package org.latentlab.ui.encoder;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** Under the reconstruction: what it shows (G(E(x)), a wipe, the difference) and where the wipe's line is. */
final class CompareBar extends HBox {
    CompareBar(CompareViewModel vm) {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        ComboBox<CompareViewModel.Mode> mode = new ComboBox<>();
        mode.setId("compare-mode");
        mode.getItems().setAll(CompareViewModel.Mode.values());
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        mode.setTooltip(new Tooltip("Compare x with G(E(x)): a wipe shows x left of the line, G(E(x)) right of"
                + " it; the difference shows |x - G(E(x))| brightened"));
        Slider wipe = new Slider(0, 1, vm.wipeProperty().get());
        wipe.setId("compare-wipe");
        wipe.valueProperty().bindBidirectional(vm.wipeProperty());
        wipe.setPrefWidth(100);
        wipe.visibleProperty().bind(vm.modeProperty().isEqualTo(CompareViewModel.Mode.WIPE));
        wipe.managedProperty().bind(wipe.visibleProperty());
        wipe.setTooltip(new Tooltip("Drag to move the line between x and G(E(x))"));
        getChildren().addAll(mode, wipe);
    }
}
