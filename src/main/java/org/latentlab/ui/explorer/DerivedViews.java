package org.latentlab.ui.explorer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.latentlab.latent.LatentDirections.Named;
import org.latentlab.ui.common.Background;
import org.latentlab.ui.common.UserMessages;

/**
 * The explorer's directions and map: those derived from the model's data (principal components,
 * class directions, the map of the test set), then the ones the user made ({@link DirectionMaker}).
 * While the derived ones are computed, and when they cannot be (no data set), {@link #status} says so.
 */
final class DerivedViews {
    static final String COMPUTING = "Computing directions and the map from the data…";
    /** The kind of the user's directions (the data's are "principal component" and "class"). */
    static final String YOURS = "yours";

    private final ObservableList<DirectionAmount> directions = FXCollections.observableArrayList();
    private final List<DirectionAmount> found = new ArrayList<>();
    private final List<DirectionAmount> yours = new ArrayList<>();
    /** Amounts to set once a direction of that name is there (a restored session's, before the data's arrive). */
    private final Map<String, Double> pending = new HashMap<>();
    private final ReadOnlyObjectWrapper<LatentMap> map = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(COMPUTING);
    private Runnable onAmount = () -> {};

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

    /** Asks for the data's ones again; {@code onAmount} runs when an amount moves, {@code fail} on an error. */
    void load(LatentEngine engine, Background background, Runnable onAmount, Consumer<Throwable> fail) {
        this.onAmount = onAmount;
        map.set(null);
        status.set(COMPUTING);
        Consumer<Throwable> missing = t -> {
            status.set(UserMessages.of(t));
            fail.accept(t);
        };
        background.await(engine.directions(), d -> {
            found.clear();
            d.forEach(dir -> found.add(amountOf(dir)));
            publish();
        }, missing);
        background.await(engine.latentMap(), map::set, missing);
    }

    /** Adds a direction of the user's, or replaces one of theirs of the same name; not one of the data's names. */
    void addYours(Named d) {
        if (found.stream().anyMatch(a -> a.name().equals(d.name()))) {
            throw new IllegalArgumentException("'" + d.name() + "' is the name of a direction found in the data;"
                    + " choose another.");
        }
        yours.removeIf(a -> a.name().equals(d.name()));
        yours.add(yoursAmount(d));
        publish();
    }

    void removeYours(DirectionAmount a) {
        if (yours.remove(a)) {
            publish();
        }
    }

    /** The user's directions, in the order made. */
    List<Named> yours() {
        return yours.stream().map(a -> new Named(a.name(), a.vector())).toList();
    }

    /** Replaces the user's directions (a restored session, or a model of another latent size: none). */
    void setYours(List<Named> ds) {
        yours.clear();
        ds.forEach(d -> yours.add(yoursAmount(d)));
        publish();
    }

    /** Sets each named direction's amount, now or, for one not computed yet, when it arrives. */
    void setAmounts(Map<String, Double> amounts) {
        pending.clear();
        pending.putAll(amounts);
        applyPending();
    }

    private DirectionAmount yoursAmount(Named d) {
        return amountOf(new Direction(d.name(), YOURS, d.vector()));
    }

    private DirectionAmount amountOf(Direction d) {
        DirectionAmount a = new DirectionAmount(d);
        a.amountProperty().addListener((obs, o, n) -> onAmount.run());
        return a;
    }

    private void publish() {
        List<DirectionAmount> all = new ArrayList<>(found);
        all.addAll(yours);
        directions.setAll(all); // one change: the view rebuilt all rows once per added row
        applyPending();
    }

    private void applyPending() {
        for (DirectionAmount a : directions) {
            Double amount = pending.remove(a.name());
            if (amount != null) {
                a.amountProperty().set(amount);
            }
        }
    }
}
