package org.latentlab.ui.encoder;

import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.data.DataDescription;
import org.latentlab.data.Preparation;
import org.latentlab.engine.ModelInfo;

/**
 * How the encoder panel turns a picture into a model input, chosen for the loaded model: the
 * preparations that fit its shape, its own data's by default, an invert switch (digit centring
 * finds the polarity by itself), and whether the drawing pad suits it (grayscale models only).
 */
public final class PreparationChoice {
    private final ObservableList<Preparation> available = FXCollections.observableArrayList();
    private final ObjectProperty<Preparation> selected = new SimpleObjectProperty<>(Preparation.CENTRE_DIGIT);
    private final BooleanProperty invert = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper invertApplies = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper drawable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper drawingTitle = new ReadOnlyStringWrapper("Draw a digit");
    private final ReadOnlyStringWrapper inputCaption = new ReadOnlyStringWrapper("Model input (28×28)");

    PreparationChoice() {
        selected.addListener((o, was, now) -> invertApplies.set(now != null && now != Preparation.CENTRE_DIGIT));
        invertApplies.set(selected.get() != Preparation.CENTRE_DIGIT);
    }

    /** A model's data and input shape: what the choice is made for. */
    private record Target(DataDescription data, int channels, int size) {}

    /** What the choice was last made for: a training snapshot of the same run keeps the user's. */
    private Target madeFor;

    /** A model of other data or shape: its data's own preparation, and the pad only where it can be used. */
    void modelChanged(ModelInfo info) {
        DataDescription d = info.data();
        int channels = info.config().channels();
        int size = info.config().imageSize();
        Target target = new Target(d, channels, size);
        if (target.equals(madeFor)) {
            return;
        }
        madeFor = target;
        available.setAll(Arrays.stream(Preparation.values()).filter(p -> p.fits(channels, size)).toList());
        selected.set(d.channels() == channels && d.size() == size ? d.defaultPreparation() : Preparation.LETTERBOX);
        invert.set(false);
        drawable.set(channels == 1);
        drawingTitle.set(d.isMnist() ? "Draw a digit" : "Draw (white on black)");
        inputCaption.set("Model input (" + size + "×" + size + (channels == 3 ? ", colour)" : ")"));
    }

    /** The preparation to use now (never null). */
    Preparation preparation() {
        return selected.get() != null ? selected.get() : Preparation.LETTERBOX;
    }

    boolean inverted() {
        return invertApplies.get() && invert.get();
    }

    public ObservableList<Preparation> available() {
        return available;
    }

    public ObjectProperty<Preparation> selectedProperty() {
        return selected;
    }

    public BooleanProperty invertProperty() {
        return invert;
    }

    /** False for digit centring, which detects dark-on-light pictures by itself. */
    public ReadOnlyBooleanProperty invertAppliesProperty() {
        return invertApplies.getReadOnlyProperty();
    }

    /** Whether the drawing pad makes sense for the model (a grayscale brush for a grayscale model). */
    public ReadOnlyBooleanProperty drawableProperty() {
        return drawable.getReadOnlyProperty();
    }

    /** The caption over the model input, with its size. */
    public ReadOnlyStringProperty inputCaptionProperty() {
        return inputCaption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty drawingTitleProperty() {
        return drawingTitle.getReadOnlyProperty();
    }
}
