package org.latentlab.ui.explorer;

import java.util.Locale;
import java.util.concurrent.CompletionStage;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.latentlab.engine.LatentEngine;
import org.latentlab.engine.ModelInfo;
import org.latentlab.engine.RunCheckpoint;
import org.latentlab.ui.common.Background;
import org.latentlab.ui.common.FxImages;
import org.latentlab.ui.common.LatestOnly;
import org.latentlab.ui.common.UserMessages;

/**
 * Two checkpoints of the explored model's run side by side on the explorer's z: pick two steps,
 * and both images follow every slider, direction and Randomize. Renders only while shown.
 */
public final class CheckpointCompareViewModel {
    /** Screen pixels an image pixel of a 28 px model (168 px); larger images get fewer. */
    static final int PIXELS = 168;

    private record Render(float[] z, RunCheckpoint left, RunCheckpoint right, int channels, int size) {}

    private record Pair(Image left, Image right) {}

    private final LatentEngine engine;
    private final Background background;
    private final ExplorerViewModel explorer;
    private final ObservableList<RunCheckpoint> checkpoints = FXCollections.observableArrayList();
    private final ObjectProperty<RunCheckpoint> left = new SimpleObjectProperty<>();
    private final ObjectProperty<RunCheckpoint> right = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Image> leftImage = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Image> rightImage = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final LatestOnly<Render, Pair> renders;
    private boolean shown;

    public CheckpointCompareViewModel(LatentEngine engine, Background background, ExplorerViewModel explorer) {
        this.engine = engine;
        this.background = background;
        this.explorer = explorer;
        this.renders = new LatestOnly<>(background, this::draw, done -> {
            leftImage.set(done.value().left());
            rightImage.set(done.value().right());
        }, t -> message.set(UserMessages.of(t)));
        explorer.imageProperty().addListener((o, was, now) -> render()); // z moved: the explorer drew it
        explorer.modelProperty().addListener((o, was, now) -> {
            if (shown) {
                list();
            }
        });
        left.addListener((o, was, now) -> render());
        right.addListener((o, was, now) -> render());
    }

    /** The window opened: the run's checkpoints are listed, the oldest and the newest chosen. */
    public void show() {
        shown = true;
        list();
    }

    /** The window closed: no more renders, and the other checkpoints' generators are freed. */
    public void hide() {
        shown = false;
        engine.releaseOthers();
    }

    private void list() {
        background.await(engine.runCheckpoints(), found -> {
            checkpoints.setAll(found);
            message.set(found.size() < 2 ? "This model has no other checkpoint to compare with: open a checkpoint of"
                    + " a run that kept several (train --keep N keeps N)." : "");
            left.set(found.isEmpty() ? null : found.get(0));
            right.set(found.isEmpty() ? null : found.get(found.size() - 1));
        }, t -> message.set(UserMessages.of(t)));
    }

    private void render() {
        ModelInfo info = explorer.modelProperty().get();
        if (shown && info != null && left.get() != null && right.get() != null) {
            renders.submit(new Render(explorer.effectiveZ(), left.get(), right.get(), info.config().channels(),
                    info.config().imageSize()));
        }
    }

    private CompletionStage<Pair> draw(Render r) {
        int scale = Math.max(1, PIXELS / r.size());
        return engine.generateWith(r.left().dir(), r.z()).thenCombine(engine.generateWith(r.right().dir(), r.z()),
                (a, b) -> new Pair(FxImages.of(a, r.channels(), r.size(), scale),
                        FxImages.of(b, r.channels(), r.size(), scale)));
    }

    public ObservableList<RunCheckpoint> checkpoints() {
        return checkpoints;
    }

    public ObjectProperty<RunCheckpoint> leftProperty() {
        return left;
    }

    public ObjectProperty<RunCheckpoint> rightProperty() {
        return right;
    }

    public ReadOnlyObjectProperty<Image> leftImageProperty() {
        return leftImage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> rightImageProperty() {
        return rightImage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "step 6,000" for a checkpoint's choice box. */
    public static String label(RunCheckpoint c) {
        return c == null ? "" : String.format(Locale.ROOT, "step %,d", c.step());
    }
}
