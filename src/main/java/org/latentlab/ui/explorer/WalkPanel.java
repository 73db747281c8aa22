package org.latentlab.ui.explorer;

import static org.latentlab.ui.common.Controls.button;
import static org.latentlab.ui.common.Controls.fixed;

import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.latentlab.latent.Walk;
import org.latentlab.ui.common.FileDialogs;
import org.latentlab.ui.common.OwnedWindows;

/** The explorer's walk through the gallery: its settings, a looping preview and export as GIF or MP4. */
final class WalkPanel extends VBox {
    static final String WINDOW_TITLE = "Walk through the gallery";
    private final WalkViewModel vm;
    private final ImageView player = new ImageView();
    private final Timeline playback = new Timeline();
    private final ObjectProperty<Integer> framesPerLeg; // held: a bidirectional binding keeps only weak references

    WalkPanel(WalkViewModel vm, FileDialogs dialogs) {
        super(6);
        this.vm = vm;
        this.framesPerLeg = vm.framesPerLegProperty().asObject();
        setAlignment(Pos.TOP_CENTER);
        Spinner<Integer> frames = new Spinner<>(1, Walk.MAX_FRAMES_PER_LEG, vm.framesPerLegProperty().get());
        frames.setId("walk-frames");
        frames.setEditable(true);
        frames.setPrefWidth(76);
        frames.getValueFactory().valueProperty().bindBidirectional(framesPerLeg);
        ComboBox<Walk.Easing> easing = new ComboBox<>();
        easing.setId("walk-easing");
        easing.getItems().setAll(Walk.Easing.values());
        easing.valueProperty().bindBidirectional(vm.easingProperty());
        easing.setConverter(new StringConverter<>() {
            @Override
            public String toString(Walk.Easing e) {
                return e == null ? "" : e == Walk.Easing.SMOOTH ? "smooth" : "linear";
            }

            @Override
            public Walk.Easing fromString(String s) {
                return Walk.Easing.parse(s);
            }
        });
        CheckBox slerp = new CheckBox("Spherical");
        slerp.selectedProperty().bindBidirectional(vm.sphericalProperty());
        Button preview = button("Preview", "Walk through the gallery's images, in order, and play it here",
                vm::preview);
        preview.setId("walk-preview");
        Button export = button("Export…", "Save the walk as an animated GIF or an MP4 video", () -> dialogs
                .saveFile("walk", "Export the walk (.gif or .mp4)", "walk.gif", null, new FileChooser.ExtensionFilter(
                        "Animated GIF or MP4 video", "*.gif", "*.mp4")).ifPresent(vm::export));
        export.setId("walk-export");
        for (Button b : List.of(preview, export)) {
            b.disableProperty().bind(Bindings.not(vm.readyProperty()));
        }
        // two rows: in a 1024 px window the centre column is too narrow for one
        HBox settings = new HBox(6, fixed("Frames per leg"), frames, easing, slerp);
        settings.setAlignment(Pos.CENTER);
        HBox actions = new HBox(6, preview, export);
        actions.setAlignment(Pos.CENTER);
        Label message = new Label();
        message.setId("walk-message");
        message.getStyleClass().add("caption");
        message.textProperty().bind(vm.messageProperty());
        player.setId("walk-player");
        player.setPreserveRatio(true);
        player.setSmooth(false);
        player.setFitHeight(196);
        player.setVisible(false);
        player.setManaged(false);
        vm.frames().addListener((ListChangeListener<Image>) c -> play());
        Label about = new Label("The walk goes through the gallery's images, in the gallery's order.");
        about.getStyleClass().add("caption");
        getChildren().addAll(about, settings, actions, message, player);
    }

    /**
     * Opens the walk in a window of its own beside the main one (the explorer's column has no room
     * for it in a 1024×700 window), or brings it to the front; its preview stops when it closes.
     */
    static void show(Node owner, WalkViewModel vm, FileDialogs dialogs) {
        WalkPanel[] panel = new WalkPanel[1];
        OwnedWindows.show(owner, WINDOW_TITLE, () -> {
            panel[0] = new WalkPanel(vm, dialogs);
            panel[0].setPadding(new Insets(12));
            panel[0].setId("walk-dialog");
            return panel[0];
        }, 560, 380, () -> panel[0].playback.stop());
    }

    /** Loops the preview's frames at the walk's frame rate (nothing when there are none). */
    private void play() {
        playback.stop();
        List<Image> frames = List.copyOf(vm.frames());
        player.setImage(frames.isEmpty() ? null : frames.get(0));
        player.setVisible(!frames.isEmpty());
        player.setManaged(!frames.isEmpty());
        if (frames.isEmpty()) {
            return;
        }
        playback.getKeyFrames().clear();
        for (int i = 0; i < frames.size(); i++) {
            Image f = frames.get(i);
            playback.getKeyFrames().add(new KeyFrame(Duration.millis(1000.0 * i / WalkViewModel.FPS),
                    e -> player.setImage(f)));
        }
        playback.getKeyFrames().add(new KeyFrame(Duration.millis(1000.0 * frames.size() / WalkViewModel.FPS)));
        playback.setCycleCount(Timeline.INDEFINITE);
        playback.play();
    }
}
