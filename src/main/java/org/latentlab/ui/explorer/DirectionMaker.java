package org.latentlab.ui.explorer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.latentlab.engine.LatentMap;
import org.latentlab.explore.DirectionFile;
import org.latentlab.latent.LatentDirections;

/**
 * Directions the user defines (Latent Space Cartography's attribute vectors): two groups of codes,
 * picked in the gallery or lassoed on the map, whose mean difference becomes a named direction
 * slider; the user's directions save to and load from a JSON file ({@link DirectionFile}).
 */
public final class DirectionMaker {
    /** The group a code goes to: the direction runs from A's mean to B's. */
    public enum Group { A, B }

    private final DerivedViews derived;
    private final IntSupplier zdim;
    private final ObservableList<float[]> from = FXCollections.observableArrayList();
    private final ObservableList<float[]> to = FXCollections.observableArrayList();
    private final ObservableSet<Integer> mapRowsA = FXCollections.observableSet();
    private final ObservableSet<Integer> mapRowsB = FXCollections.observableSet();
    private final ObjectProperty<Group> lassoGroup = new SimpleObjectProperty<>(Group.A);
    private final StringProperty name = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding ready = Bindings.isNotEmpty(from).and(Bindings.isNotEmpty(to));

    DirectionMaker(DerivedViews derived, IntSupplier zdim) {
        this.derived = derived;
        this.zdim = zdim;
    }

    /** Codes of group A (the direction's start). */
    public ObservableList<float[]> groupA() {
        return from;
    }

    /** Codes of group B (where the direction points). */
    public ObservableList<float[]> groupB() {
        return to;
    }

    /** The map's points in {@code g}, to mark them. */
    public ObservableSet<Integer> mapRows(Group g) {
        return g == Group.A ? mapRowsA : mapRowsB;
    }

    /** The group a lasso on the map adds to. */
    public ObjectProperty<Group> lassoGroupProperty() {
        return lassoGroup;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** What the last action did, or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether both groups hold a code. */
    public BooleanBinding readyProperty() {
        return ready;
    }

    /** Adds a gallery item's code to {@code g}. */
    public void add(Group g, float[] z) {
        (g == Group.A ? from : to).add(z.clone());
        message.set("");
    }

    /** Adds points of {@code map} (its rows) to {@code g}; rows already in it are skipped. */
    public void addMapPoints(Group g, int[] rows, LatentMap map) {
        ObservableSet<Integer> marked = mapRows(g);
        List<float[]> fresh = new ArrayList<>();
        for (int r : rows) {
            if (marked.add(r)) {
                fresh.add(map.code(r));
            }
        }
        (g == Group.A ? from : to).addAll(fresh);
        message.set(rows.length == 0 ? "The lasso held no points." : "");
    }

    /** Empties both groups. */
    public void clear() {
        from.clear();
        to.clear();
        mapRowsA.clear();
        mapRowsB.clear();
    }

    /** Adds the direction from A's mean to B's as a slider, named as typed (or "A → B"), and empties the groups. */
    public void make() {
        if (!ready.get()) {
            message.set("Put at least one image in each group first: right-click a gallery image, or Shift+drag"
                    + " around points on the map.");
            return;
        }
        String typed = name.get() == null ? "" : name.get().strip();
        String label = typed.isEmpty() ? "A→B (" + from.size() + "→" + to.size() + ")" : typed;
        try {
            derived.addYours(new LatentDirections.Named(label, LatentDirections.meanDifference(from, to)));
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        message.set("Added the direction '" + label + "': 1 on its slider moves z from group A's mean to B's.");
        name.set("");
        clear();
    }

    /** Removes one of the user's directions (the data's stay). */
    public void forget(DirectionAmount d) {
        derived.removeYours(d);
    }

    /** Writes the user's directions to {@code file}. */
    public void save(Path file) {
        List<LatentDirections.Named> yours = derived.yours();
        if (yours.isEmpty()) {
            message.set("There are no directions of yours to save yet.");
            return;
        }
        try {
            DirectionFile.write(file, yours, zdim.getAsInt());
            message.set("Saved " + yours.size() + " direction" + (yours.size() == 1 ? "" : "s") + " to "
                    + file.getFileName() + ".");
        } catch (IOException e) {
            message.set("Could not save the directions: " + e.getMessage());
        }
    }

    /** Adds the directions of {@code file} (one of the same name is replaced). */
    public void load(Path file) {
        try {
            List<LatentDirections.Named> read = DirectionFile.read(file, zdim.getAsInt());
            read.forEach(derived::addYours);
            message.set("Loaded " + read.size() + " direction" + (read.size() == 1 ? "" : "s") + " from "
                    + file.getFileName() + ".");
        } catch (IOException | IllegalArgumentException e) {
            message.set(e.getMessage());
        }
    }
}
