package org.latentlab.ui.explorer;

import static org.latentlab.ui.common.Controls.button;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.latentlab.engine.LatentMap;
import org.latentlab.engine.MapMethod;

/** Above the map: its title, how the points are placed, what colours them, and Fit. */
final class MapControls {
    private MapControls() {}

    /** "Latent map: test set on UMAP". */
    static Label title(MapViewModel vm) {
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            LatentMap m = vm.shownProperty().get();
            return "Latent map: " + (m == null ? "test set" : m.subject()) + " on "
                    + (m == null ? vm.methodProperty().get() : m.method()).axes();
        }, vm.shownProperty(), vm.methodProperty()));
        return title;
    }

    static HBox row(ExplorerViewModel explorer, LatentMapView map) {
        MapViewModel vm = explorer.map();
        ComboBox<MapMethod> method = new ComboBox<>();
        method.setId("map-method");
        method.getItems().setAll(MapMethod.values());
        method.valueProperty().bindBidirectional(vm.methodProperty());
        method.setConverter(converter(MapMethod::label));
        ComboBox<Integer> colour = new ComboBox<>();
        colour.setId("map-colour");
        fillColours(colour, explorer.dims().size());
        explorer.dims().addListener((ListChangeListener<Object>) c -> fillColours(colour, explorer.dims().size()));
        colour.setConverter(converter(d -> d == MapViewModel.BY_CLASS ? "class" : String.format(Locale.ROOT, "z%02d",
                d + 1)));
        colour.setValue(vm.colourDimProperty().get());
        colour.valueProperty().addListener((o, was, now) -> vm.colourDimProperty().set(now == null
                ? MapViewModel.BY_CLASS : now));
        colour.setVisibleRowCount(12);
        Button fit = button("Fit", "Everything in view again (or double-click the map)", map::fit);
        HBox row = new HBox(6, new Label("Layout"), method, new Label("colour by"), colour, fit);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** "class", then one entry a latent dimension; class chosen again (another model: another size). */
    private static void fillColours(ComboBox<Integer> colour, int zdim) {
        List<Integer> items = new ArrayList<>(List.of(MapViewModel.BY_CLASS));
        for (int i = 0; i < zdim; i++) {
            items.add(i);
        }
        if (!items.equals(colour.getItems())) {
            colour.getItems().setAll(items);
            colour.setValue(MapViewModel.BY_CLASS);
        }
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
