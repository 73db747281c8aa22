package org.latentlab.ui.explorer;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.Image;
import org.latentlab.engine.LatentEngine;
import org.latentlab.engine.LatentMap;
import org.latentlab.engine.MapMethod;
import org.latentlab.engine.ModelInfo;
import org.latentlab.ui.common.Background;
import org.latentlab.ui.common.FxImages;
import org.latentlab.ui.common.UserMessages;

/**
 * The latent map as shown: the test set's codes laid out by the method chosen (principal
 * components at once; UMAP and t-SNE computed in the background, with progress), coloured by
 * class or by one latent dimension; hover and click reach the images behind the points.
 */
public final class MapViewModel {
    /** {@link #colourDimProperty} for colouring by class. */
    public static final int BY_CLASS = -1;

    private final LatentEngine engine;
    private final Background background;
    private final ReadOnlyObjectProperty<LatentMap> principal;
    private final ReadOnlyObjectProperty<ModelInfo> model;
    private final Consumer<float[]> setZ;
    private final Consumer<Throwable> fail;
    private final ObjectProperty<MapMethod> method = new SimpleObjectProperty<>(MapMethod.PCA);
    private final IntegerProperty colourDim = new SimpleIntegerProperty(BY_CLASS);
    private final ReadOnlyObjectWrapper<LatentMap> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private long requests; // the latest request's number: an older one's answer is dropped

    MapViewModel(LatentEngine engine, Background background, ReadOnlyObjectProperty<LatentMap> principal,
            ReadOnlyObjectProperty<ModelInfo> model, Consumer<float[]> setZ, Consumer<Throwable> fail) {
        this.engine = engine;
        this.background = background;
        this.principal = principal;
        this.model = model;
        this.setZ = setZ;
        this.fail = fail;
        principal.addListener((o, was, now) -> layOut());
        method.addListener((o, was, now) -> layOut());
        layOut();
    }

    /** How the points are placed: PCA, UMAP or t-SNE. */
    public ObjectProperty<MapMethod> methodProperty() {
        return method;
    }

    /** The latent dimension (0-based) that colours the points, or {@link #BY_CLASS}. */
    public IntegerProperty colourDimProperty() {
        return colourDim;
    }

    /** The map shown; while another layout is computed, the one before it. Null without data. */
    public ReadOnlyObjectProperty<LatentMap> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** "UMAP of 10,000 points: 40 %" while a layout is computed, else empty. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    private void layOut() {
        LatentMap base = principal.get();
        long request = ++requests;
        if (base == null || method.get() == MapMethod.PCA) {
            shown.set(base);
            progress.set("");
            return;
        }
        if (shown.get() == null) {
            shown.set(base); // something to look at while the layout is computed
        }
        MapMethod by = method.get();
        String what = String.format(Locale.ROOT, "%s of %,d points: ", by.label(), base.size());
        progress.set(what + "starting…");
        background.await(engine.latentMap(by, p -> background.onUiThread(() -> {
            if (request == requests) {
                progress.set(String.format(Locale.ROOT, "%s%.0f %%", what, 100 * p));
            }
        })), m -> {
            if (request == requests) {
                shown.set(m);
                progress.set("");
            }
        }, t -> {
            if (request == requests && !(t instanceof CancellationException)) {
                progress.set(by.label() + " failed: " + UserMessages.of(t));
            }
        });
    }

    /** Loads a test-set image's code into the sliders (a click on its point). */
    public void loadTestImage(int index) {
        background.await(engine.encodeTestImage(index), e -> setZ.accept(e.z()), fail);
    }

    /** The test image behind a map point, as a picture {@code scale} screen pixels a pixel. */
    public void testImage(int index, int scale, Consumer<Image> show) {
        ModelInfo info = model.get();
        background.await(engine.testImage(index),
                px -> show.accept(FxImages.of(px, info.config().channels(), info.config().imageSize(), scale)), fail);
    }
}
