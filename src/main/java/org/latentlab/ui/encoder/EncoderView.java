package org.latentlab.ui.encoder;

import static org.latentlab.ui.common.Controls.button;
import static org.latentlab.ui.common.Controls.fixed;
import static org.latentlab.ui.common.Controls.title;

import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.controlsfx.control.ToggleSwitch;
import org.latentlab.ui.common.FileDialogs;
import org.latentlab.ui.common.FolderMemory;

/** Drop, open, paste or draw an image; see its encoding, reconstruction, refinement and interpolations. */
public final class EncoderView extends ScrollPane {
    private final EncoderViewModel vm;
    private final FileDialogs dialogs;
    private final Timeline player = new Timeline();
    private final ImageView animation = imageView(224, "animation");

    public EncoderView(EncoderViewModel vm, FolderMemory folders) {
        this.vm = vm;
        this.dialogs = new FileDialogs(folders, this);
        setId("encoder-view");
        setFitToWidth(true);
        VBox content = new VBox(14, header(), new HBox(18, images(), drawing()), new HBox(18, new RefinePanel(vm),
                interpolation()));
        content.setPadding(new Insets(12));
        setContent(content);
        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
    }

    private Node header() {
        Button open = button("Open image…", "Open a PNG, JPEG, BMP or GIF file (Ctrl+I)", this::openImageDialog);
        open.setId("open-image");
        Button paste = button("Paste", "Encode an image (or image file) from the clipboard (Ctrl+V)", this::pasteImage);
        Button random = button("Random test image", "Encode a random image of the model's own test set",
                vm::encodeRandomTestImage);
        Button send = button("Open in explorer", "Load this z into the explorer's sliders", vm::sendToExplorer);
        send.setId("send-to-explorer");
        Label message = new Label();
        message.setId("encoder-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        vm.failedProperty().addListener((o, a, failed) -> {
            message.getStyleClass().remove("error");
            if (failed) {
                message.getStyleClass().add("error");
            }
        });
        HBox row = new HBox(8, open, paste, random, send, message);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node images() {
        ImageView original = imageView(224, "original");
        original.setSmooth(true);
        original.imageProperty().bind(vm.originalProperty());
        ImageView input = imageView(224, "model-input");
        input.imageProperty().bind(vm.inputProperty());
        ImageView recon = imageView(224, "reconstruction");
        recon.imageProperty().bind(vm.compare().imageProperty());
        Label error = new Label();
        error.setId("reconstruction-error");
        error.textProperty().bind(vm.errorTextProperty());
        Label inputCaption = new Label();
        inputCaption.textProperty().bind(vm.preparation().inputCaptionProperty());
        HBox row = new HBox(12, captioned(new Label("Original"), original), captioned(inputCaption, input),
                new VBox(4, captioned(new Label("Reconstruction G(E(x))"), recon), new CompareBar(vm.compare())));
        VBox box = new VBox(8, title("Drop an image anywhere on this page"), row, new PreparationBar(vm.preparation()),
                error);
        box.getStyleClass().add("drop-zone");
        return box;
    }

    private Node drawing() {
        DrawingPad pad = new DrawingPad(224);
        Button encode = button("Encode drawing", "Encode what you drew", () -> {
            if (pad.isEmpty()) {
                return;
            }
            Image snap = pad.snapshot(new SnapshotParameters(), null);
            vm.encodePicture(snap, "your drawing");
        });
        encode.setId("encode-drawing");
        Button clear = button("Clear", "Clear the drawing", pad::clear);
        Label heading = title("");
        heading.textProperty().bind(vm.preparation().drawingTitleProperty());
        VBox box = new VBox(8, heading, pad, new HBox(8, encode, clear));
        box.visibleProperty().bind(vm.preparation().drawableProperty()); // no gray brush for a colour model
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node interpolation() {
        InterpolationViewModel iv = vm.interpolation();
        ImageView a = imageView(84, "slot-a");
        a.imageProperty().bind(iv.slotAProperty());
        ImageView b = imageView(84, "slot-b");
        b.imageProperty().bind(iv.slotBProperty());
        VBox slotA = new VBox(4, new Label("A"), framedSmall(a), button("Use current", "Use the encoded image as A",
                () -> vm.useCurrentAs(true)),
                button("Random", "A random test image as A", () -> iv.randomTestImageAs(true)));
        VBox slotB = new VBox(4, new Label("B"), framedSmall(b), button("Use current", "Use the encoded image as B",
                () -> vm.useCurrentAs(false)),
                button("Random", "A random test image as B", () -> iv.randomTestImageAs(false)));
        Spinner<Integer> frames = new Spinner<>(2, 64, iv.framesProperty().get());
        frames.setPrefWidth(80);
        frames.valueProperty().addListener((o, x, y) -> iv.framesProperty().set(y));
        ToggleSwitch slerp = new ToggleSwitch("Spherical");
        slerp.selectedProperty().bindBidirectional(iv.sphericalProperty());
        Button go = button("Interpolate", "Frames of G along the path from z_A to z_B", iv::interpolate);
        go.setId("interpolate");
        go.disableProperty().bind(iv.readyProperty().not()); // until both A and B are chosen
        Button play = button("Play", "Play the frames as an animation", this::togglePlay);
        play.setId("play");
        player.statusProperty().addListener((o, x, status) ->
                play.setText(status == Animation.Status.RUNNING ? "Stop" : "Play"));
        Button png = button("Export PNG…", "Save the strip", this::exportStrip);
        png.setId("export-png");
        Button gif = button("Export GIF…", "Save the animation", this::exportGif);
        for (Button needsFrames : List.of(play, png, gif)) {
            needsFrames.disableProperty().bind(iv.stripProperty().isNull());
        }
        ImageView strip = new ImageView();
        strip.setId("strip");
        strip.imageProperty().bind(iv.stripProperty());
        strip.setPreserveRatio(true);
        strip.setFitWidth(560);
        strip.setSmooth(false);
        iv.animationFrames().addListener((ListChangeListener<Image>) c -> {
            player.stop();
            animation.setImage(iv.animationFrames().isEmpty() ? null : iv.animationFrames().get(0));
        });
        HBox controls = new HBox(8, fixed("Frames"), frames, slerp, go, play, png, gif);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(8, controls, strip, animation);
        HBox.setHgrow(right, Priority.ALWAYS);
        return new VBox(8, title("Interpolate between two images"), new HBox(12, slotA, slotB, right));
    }

    private void togglePlay() {
        List<Image> frames = vm.interpolation().animationFrames();
        if (player.getStatus() == Animation.Status.RUNNING || frames.isEmpty()) {
            player.stop();
            return;
        }
        player.getKeyFrames().clear();
        int n = frames.size();
        for (int i = 0; i < 2 * n - 2; i++) {
            int f = i < n ? i : 2 * n - 2 - i; // forth and back
            player.getKeyFrames().add(new KeyFrame(Duration.millis(120 * i), e -> animation.setImage(frames.get(f))));
        }
        player.setCycleCount(Timeline.INDEFINITE);
        player.play();
    }

    /** File → Open image…: a file dialog that opens where the last image came from. */
    public void openImageDialog() {
        dialogs.openFile("image", "Open an image", null, List.of(
                new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif"),
                new FileChooser.ExtensionFilter("All files", "*.*"))).ifPresent(vm::openFile);
    }

    /** File → Export interpolation as PNG…; the dialog opens in the folder of the last export. */
    public void exportStrip() {
        dialogs.saveFile("export", "Export the interpolation strip", "interpolation.png", null,
                new FileChooser.ExtensionFilter("PNG image", "*.png")).ifPresent(vm.interpolation()::exportStrip);
    }

    public void exportGif() {
        dialogs.saveFile("export", "Export the interpolation as an animation", "interpolation.gif", null,
                new FileChooser.ExtensionFilter("Animated GIF", "*.gif")).ifPresent(vm.interpolation()::exportGif);
    }

    /** Encodes the clipboard's image (or image file): the Paste button and Ctrl+V. */
    public void pasteImage() {
        Clipboard cb = Clipboard.getSystemClipboard();
        if (cb.hasImage()) {
            vm.encodePicture(cb.getImage(), "the pasted image");
        } else if (cb.hasFiles() && !cb.getFiles().isEmpty()) {
            vm.openFile(cb.getFiles().get(0).toPath());
        } else {
            vm.encodePicture(null, "the clipboard");
        }
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() || e.getDragboard().hasImage()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        var db = e.getDragboard();
        if (db.hasFiles() && !db.getFiles().isEmpty()) {
            vm.openFile(db.getFiles().get(0).toPath());
        } else if (db.hasImage()) {
            vm.encodePicture(db.getImage(), "the dropped image");
        }
        e.setDropCompleted(true);
        e.consume();
    }

    private static ImageView imageView(double size, String id) {
        ImageView v = new ImageView();
        v.setId(id);
        v.setFitWidth(size);
        v.setFitHeight(size);
        v.setPreserveRatio(true);
        v.setSmooth(false);
        return v;
    }

    private static Node framedSmall(ImageView view) {
        VBox frame = new VBox(view);
        frame.getStyleClass().add("image-frame");
        frame.setMinSize(90, 90);
        frame.setMaxSize(90, 90);
        frame.setAlignment(Pos.CENTER);
        return frame;
    }

    private static Node captioned(Label caption, ImageView view) {
        VBox frame = new VBox(view);
        frame.getStyleClass().add("image-frame");
        frame.setMinSize(230, 230);
        frame.setAlignment(Pos.CENTER);
        VBox box = new VBox(4, caption, frame);
        return box;
    }

}
