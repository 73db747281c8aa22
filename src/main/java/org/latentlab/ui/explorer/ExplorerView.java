package org.latentlab.ui.explorer;

import static org.latentlab.ui.common.Controls.button;
import static org.latentlab.ui.common.Controls.caption;

import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridView;
import org.latentlab.ui.common.Controls;
import org.latentlab.ui.common.FileDialogs;
import org.latentlab.ui.common.FolderMemory;

/** Sliders per latent dimension and per direction, the generated image, a gallery and the latent map. */
public final class ExplorerView extends HBox {
    private final ExplorerViewModel vm;
    private final CheckpointCompareViewModel checkpoints;
    private final VBox dimBox = new VBox(2);
    private final VBox directionBox = new VBox(2);
    private ExplorerViewModel.Remembered selected; // the gallery item clicked last (Delete removes it)

    public ExplorerView(ExplorerViewModel vm, CheckpointCompareViewModel checkpoints, FolderMemory folders) {
        this.vm = vm;
        this.checkpoints = checkpoints;
        getStyleClass().add("explorer");
        setPadding(new Insets(10));
        // An HBox, not a BorderPane: when the window narrows, the side columns give up width down to
        // their minimum instead of the centre column being pushed under them.
        VBox dims = titled("Latent dimensions", scroll(dimBox, 360));
        dims.setMinWidth(230);
        VBox centre = centre(new FileDialogs(folders, this));
        HBox.setHgrow(centre, Priority.ALWAYS);
        getChildren().addAll(dims, centre, right());
        vm.dims().addListener((ListChangeListener<DoubleProperty>) c -> rebuildDims());
        vm.directions().addListener((ListChangeListener<DirectionAmount>) c -> rebuildDirections());
        rebuildDims();
        rebuildDirections();
    }

    private VBox centre(FileDialogs dialogs) {
        ImageView view = new ImageView();
        view.setId("explorer-image");
        view.imageProperty().bind(vm.imageProperty());
        view.setPreserveRatio(true);
        view.setSmooth(false);
        Button random = button("Randomize", "", vm::randomize);
        random.getTooltip().textProperty().bind(vm.randomizeSource().tipProperty());
        random.setId("randomize");
        // The window opens with Randomize focused, so Tab walks the image's actions first, then the
        // directions and map, and only then the 32 dimension sliders (Tab order follows the layout).
        random.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null && scene.getFocusOwner() == null) {
                Platform.runLater(random::requestFocus);
            }
        });
        Button reset = button("Reset", "Back to the image the model opened on, directions at 0 (Ctrl+0)",
                vm::reset);
        reset.setId("reset");
        Button copy = button("Copy z", "Copy the latent vector as text (Ctrl+Shift+C)", this::copyZ);
        Button paste = button("Paste z", "Paste a latent vector copied as text (Ctrl+Shift+V)", this::pasteZ);
        Button remember = button("Remember", "Keep this z in the gallery (Ctrl+M)", vm::remember);
        HBox buttons = new HBox(6, random, reset, copy, paste, remember);
        buttons.setAlignment(Pos.CENTER);
        VBox temperatureRow = new RandomizeChoice(vm.randomizeSource(), vm.modelProperty());
        Label message = new Label();
        message.setId("explorer-message");
        message.getStyleClass().add("message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        Label info = new Label();
        info.getStyleClass().add("caption");
        vm.modelProperty().addListener((o, a, b) -> info.setText(b == null ? "" : b.describe()));
        GridView<ExplorerViewModel.Remembered> gallery = new GridView<>(vm.gallery());
        gallery.setCellWidth(56);
        gallery.setCellHeight(56);
        gallery.setPrefHeight(140);
        gallery.setCellFactory(g -> new GalleryCell(vm, r -> selected = r));
        gallery.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && selected != null) {
                vm.forget(selected);
            }
        });
        Label emptyGallery = caption("Nothing kept yet: Remember keeps the current z and its image here.");
        emptyGallery.setId("gallery-empty");
        emptyGallery.setWrapText(true);
        emptyGallery.visibleProperty().bind(Bindings.isEmpty(vm.gallery()));
        StackPane galleryPane = new StackPane(gallery, emptyGallery);
        Button walk = button("Walk through the gallery…", "An animation through the gallery's images, saved as GIF"
                + " or MP4", () -> WalkPanel.show(this, vm.walk(), dialogs));
        walk.setId("walk-open");
        Button compare = button("Compare checkpoints…", "Two checkpoints of this run side by side on this z",
                () -> CheckpointComparePanel.show(this, checkpoints));
        compare.setId("compare-open");
        HBox tools = new HBox(8, walk, compare);
        tools.setAlignment(Pos.CENTER);
        StackPane.setAlignment(emptyGallery, Pos.TOP_CENTER);
        VBox box = new VBox(10, info, framed(view), buttons, temperatureRow, message,
                wrapping(new Label("Gallery — click to recall; right-click for more")),
                galleryPane, tools, new DirectionMakerBar(vm.directionMaker(), dialogs));
        box.setAlignment(Pos.TOP_CENTER);
        box.setPadding(new Insets(0, 14, 0, 14));
        buttons.setMinWidth(Region.USE_PREF_SIZE); // the column narrows to its buttons' row, no further
        InvalidationListener fit = o -> fitImage(view, box);
        box.widthProperty().addListener(fit);
        box.heightProperty().addListener(fit);
        vm.modelProperty().addListener(fit);
        fitImage(view, box);
        return box;
    }

    private static final double ROWS_UNDER_IMAGE = 440; // room the rows under the image take (walk, your direction)

    /**
     * The image at its 1:1 size, or as large as the centre column allows on a large window
     * (1920×1080), or down to half that on a small one, in whole screen pixels per image pixel so
     * every pixel stays square and sharp.
     */
    private void fitImage(ImageView view, VBox box) {
        int size = vm.modelProperty().get() == null ? 28 : vm.modelProperty().get().config().imageSize();
        double room = Math.min(box.getWidth() - 40, box.getHeight() - ROWS_UNDER_IMAGE);
        int scale = ExplorerImage.imageScale(size);
        // Larger only with room for half as much again (1920×1080): the 1480×920 default keeps the
        // 336-px image that the slider latencies in docs/BENCHMARKS.md were measured with.
        if (room >= 1.5 * scale * size) {
            scale = (int) Math.floor(room / size);
        } else if (room < scale * size) { // 1024×700: smaller, down to half, so the rows under it stay in view
            scale = Math.max(Math.max(1, scale / 2), (int) Math.floor(room / size));
        }
        vm.setImageScale(scale); // rendered at this size, so the view draws it 1:1 (see ExplorerImage)
        view.setFitWidth(scale * size);
        view.setFitHeight(scale * size);
    }

    private VBox right() {
        Button refresh = button("Refresh directions and map", "Recompute them from the current weights",
                vm::refreshDirections);
        LatentMapView map = new LatentMapView(vm);
        VBox mapBox = new VBox(4, MapControls.title(vm.map()), MapControls.row(vm, map), map);
        VBox box = new VBox(10, titled("Directions", scroll(directionBox, 340)), refresh, mapBox,
                fitted(caption("Scroll zooms, drag pans; hover shows an image, click loads its z")));
        box.setPrefWidth(350);
        box.setMinWidth(LatentMapView.SIZE + 10);
        return box;
    }

    /** Copies z as text, and says so. */
    public void copyZ() {
        ClipboardContent content = new ClipboardContent();
        content.putString(vm.text().copyText());
        Clipboard.getSystemClipboard().setContent(content);
        vm.text().copied();
    }

    public void pasteZ() {
        vm.text().pasteText(Clipboard.getSystemClipboard().getString());
    }

    private void rebuildDims() {
        dimBox.getChildren().clear();
        for (int i = 0; i < vm.dims().size(); i++) {
            dimBox.getChildren().add(dimRow(i));
        }
    }

    private HBox dimRow(int i) {
        DoubleProperty p = vm.dims().get(i);
        Label name = new Label(String.format("z%02d", i + 1));
        name.setMinWidth(34);
        // 40 arrow presses across U(-1, 1)'s range; a normal prior's ±3σ takes as many at 0.15
        Slider s = Controls.stepped(new Slider(-vm.bound(), vm.bound(), p.get()), 0.05 * vm.bound());
        s.setId("dim-" + i);
        s.valueProperty().bindBidirectional(p);
        HBox.setHgrow(s, Priority.ALWAYS);
        TextField value = new TextField();
        value.setId("dim-value-" + i);
        value.setPrefColumnCount(5);
        value.setFocusTraversable(false); // click to type a value; Tab steps from slider to slider
        Runnable show = () -> value.setText(String.format(Locale.ROOT, "%.2f", p.get()));
        p.addListener((o, a, b) -> {
            if (!value.isFocused()) {
                show.run();
            }
        });
        show.run();
        value.setOnAction(e -> {
            vm.text().setDimText(i, value.getText());
            show.run();
        });
        value.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.text().setDimText(i, value.getText());
                show.run();
            }
        });
        HBox row = new HBox(6, name, s, value);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void rebuildDirections() {
        directionBox.getChildren().clear();
        if (vm.directions().isEmpty()) {
            Label status = new Label();
            status.textProperty().bind(vm.derivedStatusProperty());
            status.setWrapText(true);
            directionBox.getChildren().add(status);
        }
        directionBox.getChildren().add(DirectionGrid.of(vm.directions(), vm.directionMaker()::forget));
    }

    private static ScrollPane scroll(VBox content, double width) {
        content.setPadding(new Insets(4));
        ScrollPane sp = Controls.uncached(new ScrollPane(content)); // a slider move repaints only its row
        sp.setFitToWidth(true);
        sp.setPrefWidth(width);
        sp.setPrefViewportHeight(360);
        return sp;
    }

    private static Label wrapping(Label l) {
        l.setWrapText(true);
        return l;
    }

    /** A caption under the map: as wide as the map, in as many lines as it needs. */
    private static Label fitted(Label l) {
        wrapping(l).setMaxWidth(LatentMapView.SIZE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    static VBox titled(String title, Node node) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        VBox box = new VBox(6, l, node);
        VBox.setVgrow(node, Priority.ALWAYS);
        return box;
    }

    static Node framed(ImageView view) {
        VBox frame = new VBox(view);
        frame.getStyleClass().add("image-frame");
        frame.setAlignment(Pos.CENTER);
        frame.setMaxWidth(Region.USE_PREF_SIZE);
        return frame;
    }
}
