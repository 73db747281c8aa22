package org.latentlab.ui.encoder;

import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.latentlab.data.Preparation;
import org.latentlab.ui.common.Controls;

/** The encoder's "Prepare as" choice and its invert switch, bound to a {@link PreparationChoice}. */
final class PreparationBar extends HBox {
    PreparationBar(PreparationChoice choice) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        ComboBox<Preparation> how = new ComboBox<>(choice.available());
        how.setId("preparation");
        how.valueProperty().bindBidirectional(choice.selectedProperty());
        how.setTooltip(new Tooltip("How a picture becomes the model's input; the model's own data set's way is"
                + " chosen when a model loads"));
        CheckBox invert = new CheckBox("Invert (dark on light)");
        invert.setId("invert");
        invert.selectedProperty().bindBidirectional(choice.invertProperty());
        invert.disableProperty().bind(choice.invertAppliesProperty().not());
        invert.setTooltip(new Tooltip("Swap light and dark first: for dark objects on a light ground, when the"
                + " training images are light on dark"));
        getChildren().addAll(Controls.fixed("Prepare as"), how, invert);
    }
}
