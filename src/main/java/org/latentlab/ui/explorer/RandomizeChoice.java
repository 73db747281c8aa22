package org.latentlab.ui.explorer;

import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentlab.ui.common.Controls;

/** "Randomize from [fitted density | prior]" over "temperature [slider]": where Randomize draws z from. */
final class RandomizeChoice extends VBox {
    static final String DENSITY = "the fitted density";
    static final String PRIOR = "the prior ";

    RandomizeChoice(RandomizeSource source, Observable modelChanges) {
        super(4);
        ChoiceBox<String> from = new ChoiceBox<>();
        from.setId("randomize-from");
        from.setMinWidth(Region.USE_PREF_SIZE);
        from.getItems().addAll(DENSITY, PRIOR + source.priorName()); // the prior's name follows the model
        from.setTooltip(new Tooltip("The prior is what the generator was trained on; the fitted density is where"
                + " the encoder puts real images, and usually draws clearer samples"));
        Runnable show = () -> from.getSelectionModel().select(source.usesDensityProperty().get() ? 0 : 1);
        show.run();
        source.usesDensityProperty().addListener((o, a, b) -> show.run());
        modelChanges.addListener(o -> {
            from.getItems().set(1, PRIOR + source.priorName());
            show.run();
        });
        from.getSelectionModel().selectedItemProperty().addListener((o, a, now) -> {
            if (now != null && source.hasDensity()) {
                source.priorProperty().set(now.startsWith(PRIOR));
            }
        });
        from.disableProperty().bind(Bindings.createBooleanBinding(() -> !source.hasDensity(), modelChanges));
        Slider temperature = Controls.stepped(new Slider(0.1, 1, source.temperatureProperty().get()), 0.05);
        temperature.setId("temperature");
        temperature.setPrefWidth(110);
        temperature.setMinWidth(60);
        temperature.valueProperty().bindBidirectional(source.temperatureProperty());
        temperature.disableProperty().bind(source.usesDensityProperty().not());
        Tooltip.install(temperature, new Tooltip("The spread of Randomize's draws from the fitted density: "
                + "1 = as fitted, lower = sharper and less varied samples"));
        Label value = new Label();
        value.setMinWidth(Region.USE_PREF_SIZE);
        value.textProperty().bind(source.temperatureProperty().asString(Locale.ROOT, "%.2f"));
        value.disableProperty().bind(temperature.disableProperty());
        Label name = Controls.fixed("Randomize from");
        name.getStyleClass().add("caption");
        Label t = Controls.fixed("temperature");
        t.getStyleClass().add("caption");
        t.disableProperty().bind(temperature.disableProperty());
        HBox first = new HBox(6, name, from);
        HBox second = new HBox(6, t, temperature, value);
        first.setAlignment(Pos.CENTER);
        second.setAlignment(Pos.CENTER);
        getChildren().addAll(first, second);
    }
}
