package org.latentlab.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.latentlab.engine.LatentEngine;
import org.latentlab.engine.LatentMap;
import org.latentlab.engine.ModelInfo;
import org.latentlab.latent.LatentDirections;
import org.latentlab.ui.common.Background;
import org.latentlab.ui.common.FxImages;
import org.latentlab.ui.common.LatencyRecorder;
import org.latentlab.ui.common.UserMessages;

/** The latent explorer: a value per dimension, amounts along directions, the image G(z) ({@link ExplorerImage}). */
public final class ExplorerViewModel {
    /** A remembered latent vector and its thumbnail. */
    public record Remembered(float[] z, Image thumbnail) {}

    private final LatentEngine engine;
    private final Background background;
    private final ObservableList<DoubleProperty> dims = FXCollections.observableArrayList();
    private final DerivedViews derived = new DerivedViews();
    private final ObservableList<DirectionAmount> directions = derived.directions();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ModelInfo> model = new SimpleObjectProperty<>();
    private final RandomizeSource randomizeSource = new RandomizeSource(model);
    private final ExplorerImage image;
    private final Gallery gallery;
    private final WalkViewModel walk;
    private final DirectionMaker maker;
    private final SessionState sessions;
    private final LatentTextInput text;
    private final MapViewModel map;
    private boolean muted;
    private float[] home; // the code Reset returns to

    /** An explorer whose gallery is kept in memory only. */
    public ExplorerViewModel(LatentEngine engine, Background background) {
        this(engine, background, new Gallery(null));
    }

    public ExplorerViewModel(LatentEngine engine, Background background, Gallery gallery) {
        this.engine = engine;
        this.background = background;
        this.gallery = gallery;
        this.image = new ExplorerImage(engine, background, this::fail);
        this.walk = new WalkViewModel(engine, background, gallery.items(), model);
        this.maker = new DirectionMaker(derived, dims::size);
        this.sessions = new SessionState(this, derived, gallery);
        this.text = new LatentTextInput(this);
        this.map = new MapViewModel(engine, background, derived.mapProperty(), model, this::setZ, this::fail);
        engine.subscribe(change -> background.onUiThread(() -> modelChanged(change.info(), change.loaded())));
    }

    public ObservableList<DoubleProperty> dims() {
        return dims;
    }

    public ObservableList<DirectionAmount> directions() {
        return directions;
    }

    public ObservableList<Remembered> gallery() {
        return gallery.items();
    }

    /** Removes a remembered z (the gallery's Delete key and context menu). */
    public void forget(Remembered r) {
        gallery.remove(r);
    }

    /** G(z) for the current z (see {@link ExplorerImage#imageProperty}: copy its pixels to keep a frame). */
    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image.imageProperty();
    }

    /** The map as shown (laid out by the method chosen in {@link #map()}). */
    public ReadOnlyObjectProperty<LatentMap> mapProperty() {
        return map.shownProperty();
    }

    public MapViewModel map() {
        return map;
    }

    /** Why the directions and the map are not there: being computed, or what they need. */
    public ReadOnlyStringProperty derivedStatusProperty() {
        return derived.statusProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObjectProperty<ModelInfo> modelProperty() {
        return model;
    }

    /** The walk through the gallery's codes. */
    public WalkViewModel walk() {
        return walk;
    }

    /** Directions the user defines from two groups of codes. */
    public DirectionMaker directionMaker() {
        return maker;
    }

    /** z as text: copied, pasted, typed into a dimension's field. */
    public LatentTextInput text() {
        return text;
    }

    /** Where Randomize draws z from: the prior, or the fitted density at a temperature. */
    public RandomizeSource randomizeSource() {
        return randomizeSource;
    }

    public LatencyRecorder latency() {
        return image.latency();
    }

    /** Screen pixels per image pixel the view shows (see {@link ExplorerImage#setScale}). */
    public void setImageScale(int screenPixelsPerPixel) {
        image.setScale(screenPixelsPerPixel);
    }

    /** A model was loaded (or its weights refreshed by training): new sliders when their number or range changed. */
    private void modelChanged(ModelInfo info, boolean reloadDerived) {
        boolean resized = model.get() == null || model.get().config().zdim() != info.config().zdim()
                || model.get().prior() != info.prior(); // the sliders' range
        model.set(info);
        if (resized) {
            muted = true;
            List<DoubleProperty> fresh = new ArrayList<>();
            for (int i = 0; i < info.config().zdim(); i++) {
                DoubleProperty p = new SimpleDoubleProperty(0);
                p.addListener((obs, o, n) -> changed());
                fresh.add(p);
            }
            dims.setAll(fresh); // one change, so the view builds its rows once, not once per row
            muted = false;
            derived.setYours(List.of()); // the user's directions were for another latent size
            maker.clear();
        }
        if (resized || reloadDerived) {
            home = null;
            showGallery(gallery.switchTo(info.source(), info.config().zdim()));
            loadDirectionsAndMap();
        }
        changed();
    }

    /** Recomputes directions and the map from the current weights (they go stale while training). */
    public void refreshDirections() {
        if (model.get() != null) {
            loadDirectionsAndMap();
        }
    }

    private void loadDirectionsAndMap() {
        derived.load(engine, background, this::changed, this::fail);
    }

    /** Each dimension's range is [-bound, bound]: 1 for U(-1, 1), 3 (±3σ) for N(0, 1). */
    public float bound() {
        return model.get() == null ? 1f : model.get().prior().bound();
    }

    /** The latent vector shown: raw values moved along the directions, clipped to the prior's range. */
    public float[] effectiveZ() {
        float[] raw = rawZ();
        List<float[]> vectors = new ArrayList<>();
        float[] amounts = new float[directions.size()];
        for (int k = 0; k < directions.size(); k++) {
            vectors.add(directions.get(k).vector());
            amounts[k] = (float) directions.get(k).amountProperty().get();
        }
        return LatentDirections.apply(raw, vectors, amounts, bound());
    }

    public float[] rawZ() {
        float[] z = new float[dims.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) dims.get(i).get();
        }
        return z;
    }

    /** Sets every dimension at once (one render) and zeroes the direction amounts. */
    public void setZ(float[] z) {
        if (z.length != dims.size()) {
            fail(new IllegalArgumentException("This latent vector has " + z.length + " values; the model needs "
                    + dims.size() + "."));
            return;
        }
        muted = true;
        for (int i = 0; i < z.length; i++) {
            dims.get(i).set(Math.max(-bound(), Math.min(bound(), z[i])));
        }
        for (DirectionAmount d : directions) {
            d.amountProperty().set(0);
        }
        muted = false;
        changed();
    }

    /** A random z from the model's fitted latent density (the uniform prior for a model without one). */
    public void randomize() {
        double t = randomizeSource.temperatureProperty().get(); // on the FX thread; out of range fails, saying why
        boolean prior = !randomizeSource.usesDensityProperty().get();
        background.await(engine.randomLatent(t, prior), this::setZ, this::fail);
    }

    /** Back to the code of the image the model opened on (not z = 0, G's blur of every class) if its data are here. */
    public void reset() {
        setZ(home != null && home.length == dims.size() ? home : new float[dims.size()]);
    }

    /** Opens the explorer on test image {@code index}'s code, which Reset returns to. */
    public void openOnTestImage(int index) {
        background.await(engine.encodeTestImage(index), e -> {
            home = e.z();
            setZ(e.z());
        }, this::fail);
    }

    /**
     * Adds the current z to the gallery with a thumbnail rendered from that same z: the shown image
     * may still be on its way for a z set a moment ago, so it is not reused.
     */
    public void remember() {
        if (model.get() == null) {
            return;
        }
        float[] z = effectiveZ();
        thumbnail(z, thumb -> gallery.add(new Remembered(z, thumb)));
    }

    /** Thumbnails of codes read back into the gallery, added as they come unless the gallery changed meanwhile. */
    void showGallery(List<float[]> codes) {
        int generation = gallery.generation();
        for (float[] z : codes) {
            thumbnail(z, thumb -> gallery.restore(new Remembered(z, thumb), generation));
        }
    }

    /** The explorer's state as a session file's, and back. */
    public SessionState sessions() {
        return sessions;
    }

    /** The code Reset returns to from now on. */
    void setHome(float[] z) {
        home = z.clone();
    }

    void say(String text) {
        message.set(text);
    }

    private void thumbnail(float[] z, Consumer<Image> then) {
        var c = model.get().config();
        background.await(engine.generate(z).thenApply(px -> FxImages.of(px, c.channels(), c.imageSize(), 2)), then,
                this::fail);
    }

    public void recall(Remembered r) {
        setZ(r.z());
    }

    private void changed() {
        if (muted || model.get() == null) {
            return;
        }
        message.set(""); // a message is about the last action; the next one makes it stale
        var c = model.get().config();
        image.request(effectiveZ(), c.channels(), c.imageSize());
    }

    private void fail(Throwable t) {
        message.set(UserMessages.of(t));
    }
}
