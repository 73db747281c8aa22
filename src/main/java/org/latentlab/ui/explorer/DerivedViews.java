package org.latentlab.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.engine.Direction;
import org.latentlab.engine.LatentEngine;
import org.latentlab.engine.LatentMap;
import org.latentlab.ui.common.Background;
import org.latentlab.ui.common.UserMessages;

/**
 * What the explorer derives from the model's data: directions to move along and the map of the
 * test set. While they are computed, and when they cannot be (no data set), {@link #status} says so.
 */
final class DerivedViews {
    static final String COMPUTING = "Computing directions and the map from the data…";

    private final ObservableList<DirectionAmount> directions = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<LatentMap> map = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(COMPUTING);

    ObservableList<DirectionAmount> directions() {
        return directions;
    }

    ReadOnlyObjectProperty<LatentMap> mapProperty() {
        return map.getReadOnlyProperty();
    }

    /** Why there are no directions or map yet: computing, or what they lack. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Asks for both again; {@code onAmount} runs when a direction's amount moves, {@code fail} on an error. */
    void load(LatentEngine engine, Background background, Runnable onAmount, Consumer<Throwable> fail) {
        map.set(null);
        status.set(COMPUTING);
        Consumer<Throwable> missing = t -> {
            status.set(UserMessages.of(t));
            fail.accept(t);
        };
        background.await(engine.directions(), d -> {
            List<DirectionAmount> fresh = new ArrayList<>();
            for (Direction dir : d) {
                DirectionAmount a = new DirectionAmount(dir);
                a.amountProperty().addListener((obs, o, n) -> onAmount.run());
                fresh.add(a);
            }
            directions.setAll(fresh); // one change: the view rebuilt all rows once per added row
        }, missing);
        background.await(engine.latentMap(), map::set, missing);
    }
}
