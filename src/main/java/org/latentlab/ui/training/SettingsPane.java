package org.latentlab.ui.training;

import static org.latentlab.ui.common.Controls.button;
import static org.latentlab.ui.common.Controls.title;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.Editors;
import org.controlsfx.property.editor.PropertyEditor;
import org.latentlab.model.Architecture;
import org.latentlab.train.Recipe;
import org.latentlab.ui.common.FileDialogs;
import org.latentlab.ui.common.PropertyItem;

/**
 * The training settings: the data, the model and the recipe. Number fields check what is typed as
 * it is typed: a field that is not a number turns red, and its tooltip says why (as does the line
 * above Start: {@link TrainingSettings#problemProperty()}, which keeps Start disabled). While a
 * checkpoint is loaded, Start continues it with its own model, data and recipe but for the steps
 * and E's phase: the settings it would not use are greyed, so an edit cannot be ignored unseen.
 */
final class SettingsPane extends VBox {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private final Map<PropertySheet.Item, NumberField> numberFields = new HashMap<>();
    /** The rows a continued run takes from the settings (steps, E's phase); it keeps its checkpoint's others. */
    private final Set<PropertySheet.Item> openWhenContinuing = new HashSet<>();
    private final ObservableBooleanValue continuing;

    /**
     * {@code newModel}: what a recipe button does besides filling the settings (Start then trains
     * from scratch); {@code continuing}: whether Start continues a loaded checkpoint.
     */
    SettingsPane(TrainingSettings s, FileDialogs dialogs, Runnable newModel, ObservableBooleanValue continuing) {
        super(8);
        this.continuing = continuing;
        PropertySheet model = sheet("model-settings");
        PropertySheet training = sheet("training-settings");
        model.getItems().addAll(List.of(
                new PropertyItem(s.arch, Architecture.class, "Model", "Architecture",
                        "MLP: the default, fast, the best reconstructions and samples on MNIST. Conv:"
                        + " DCGAN-style, for colour and 64 px images; its codes separate classes better"
                        + " (linear probe 93 % against 91 % on MNIST), but it trains about 7x slower"),
                open(new PropertyItem(s.encoder, Architecture.class, "Model", "Encoder",
                        "E's kind: the architecture's, or conv for the MLP model: codes that separate classes"
                        + " better (MNIST: nearest neighbour +0.8 points, linear probe +2) at 3 to 4 times E's cost")),
                number(s.zdimText, "Model", "Dimensions of z"),
                number(s.hiddenText, "Model", "Units per hidden layer (MLP) or base channels (conv)"),
                number(s.encoderWidthText, "Model", "E's units per hidden layer (MLP) or base channels (conv): G's"
                        + " width for an E of G's kind, else that kind's default, until changed"),
                number(s.imageSizeText, "Model", "Pixels per side for image folders (28, 32, 64)"),
                number(s.channelsText, "Model", "1 grayscale, 3 RGB (image folders)"),
                new PropertyItem(s.batchNorm, Boolean.class, "Model", "Batch norm in G, E", "Stabilises the game"),
                new PropertyItem(s.imageScore, Boolean.class, "Model", "Image score in D",
                        "D also judges images alone (BigBiGAN's unary score)"),
                new PropertyItem(s.spectralNorm, Boolean.class, "Model", "Spectral norm in D",
                        "D cannot win by sharpening its weights; with a faster D (4e-4) and weak cycles, better"
                                + " samples from the prior"),
                number(s.dropoutText, "Model", "Keeps D from winning too early (0 to 1)")));
        training.getItems().addAll(List.of(
                open(number(s.stepsText, "Training", "Total steps to reach")),
                number(s.batchText, "Training", "Images per step"),
                number(s.lrDText, "Training", "Adam (for example 1e-4)"),
                number(s.lrGEText, "Training", "Adam (for example 2e-4)"),
                number(s.beta1Text, "Training", "Adam's beta1 for both (0.5, DCGAN's; 0 with a normalised D and"
                        + " faster rates)"),
                number(s.beta2Text, "Training", "Adam's beta2 for both (0.999; 0.9 with beta1 0)"),
                number(s.lambdaXText, "Training", "Weight of ||x - G(E(x))||² (0 = off)"),
                number(s.lambdaZText, "Training", "Weight of ||z - E(G(z))||² (0 = off)"),
                number(s.cycleShiftText, "Training",
                        "E sees x moved by up to this many pixels; G must still draw x (0 = off)"),
                number(s.lambdaPriorText, "Training",
                        "Pulls the codes E(x) towards the prior, so samples from the prior look like the data"
                                + " (0 = off)"),
                open(number(s.encoderOnlyFromText, "Training", "From this step on only E trains: it learns to"
                        + " invert G, held fixed (0 = never). After a GAN trained for its prior, it fits an encoder"
                        + " to it")),
                open(number(s.encoderPriorText, "Training", "While E trains alone, pulls its codes towards the prior,"
                        + " where G draws from (0 = off; 10 fits the best encoder measured)")),
                number(s.generatorAverageText, "Training", "Grids, checkpoints and samples use a moving average of"
                        + " G's weights with this decay (0.999: about the last 1,000 steps; 0 = off)"),
                number(s.instanceNoiseText, "Training", "Gaussian noise of this spread on every image D sees, real"
                        + " and generated (0 = off; 0.1 gained nothing measurable with a normalised D)"),
                number(s.seedText, "Training", "Same seed, same run")));
        model.setPrefHeight(300); // all eleven rows (eight fields, three check boxes) without a scroll bar
        training.setPrefHeight(452); // all fifteen rows: the pane around them scrolls, not the sheet too
        Label data = new Label();
        data.setId("data-label");
        data.textProperty().bind(Bindings.concat("Data: ", s.data));
        Button mnist = button("Bundled MNIST", "Train on the MNIST copy that ships with the app",
                () -> s.data.set("mnist"));
        Button folder = button("Folder…", "A folder of IDX files (MNIST layout) or of images (subfolders = labels)",
                () -> dialogs.chooseFolder("data", "Choose a data folder", null)
                        .ifPresent(f -> s.data.set(f.toAbsolutePath().toString())));
        mnist.disableProperty().bind(continuing);
        folder.disableProperty().bind(continuing);
        Label fixed = new Label("Greyed settings are the loaded checkpoint's: Start continues it with them."
                + " \"New model\" below frees them.");
        fixed.setId("settings-fixed-note");
        fixed.setWrapText(true);
        fixed.visibleProperty().bind(continuing);
        fixed.managedProperty().bind(continuing);
        Label out = new Label();
        out.setWrapText(true);
        out.textProperty().bind(Bindings.concat("Checkpoints go to: ", s.outDir.asString()));
        Button outButton = button("Change folder…", "Where this run's checkpoints are written",
                () -> dialogs.chooseFolder("runs", "Folder for this run's checkpoints", s.outDir.get().getParent())
                        .ifPresent(s.outDir::set));
        Button encoderFirst = button("Best encoder", "The bundled model's recipe, 24,000 steps: G also learns to"
                + " decode E(x). The best encoder and reconstructions, and good samples from the fitted density;"
                + " samples from the prior are blobs. The next Start trains a new model",
                () -> startFrom(s, Recipe.ENCODER_FIRST, newModel));
        encoderFirst.setId("recipe-encoder-first");
        Button ganFirst = button("GAN first", "A GAN trained for its prior, then E alone fitted to it, 40,000 steps"
                + " (E alone from 32,000): samples from the prior look like the data (MNIST 8.7, the bundled"
                + " model 4.1), a weaker encoder (nearest neighbour 96.2 % against 97.8 %). The next Start trains a"
                + " new model", () -> startFrom(s, Recipe.GAN_FIRST, newModel));
        ganFirst.setId("recipe-gan-first");
        getChildren().addAll(fixed, title("Data"), data, new HBox(6, mnist, folder), title("Start from a recipe"),
                new HBox(6, encoderFirst, ganFirst), title("Model"), model,
                title("Training"), training, out, outButton);
        setPrefWidth(340);
        setPadding(new Insets(0, 10, 0, 0));
    }

    /** A recipe is for a new run: continuing a checkpoint keeps the checkpoint's recipe. */
    private static void startFrom(TrainingSettings s, Recipe r, Runnable newModel) {
        s.startFrom(r);
        newModel.run();
    }

    /** A row that a continued run takes from the settings. */
    private PropertyItem open(PropertyItem item) {
        openWhenContinuing.add(item);
        return item;
    }

    private PropertyItem number(NumberField field, String category, String description) {
        PropertyItem item = new PropertyItem(field.textProperty(), String.class, category, field.name(), description);
        numberFields.put(item, field);
        return item;
    }

    private PropertySheet sheet(String id) {
        PropertySheet sheet = new PropertySheet();
        sheet.setId(id);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> {
            PropertyEditor<?> editor = item.getType() == Architecture.class
                    ? Editors.createChoiceEditor(item, Architecture.TRAINABLE) : defaults.call(item);
            if (!openWhenContinuing.contains(item)) {
                editor.getEditor().disableProperty().bind(continuing);
            }
            NumberField field = numberFields.get(item);
            if (field != null) {
                Node n = editor.getEditor();
                n.setId("setting-" + field.name().replaceAll("[^A-Za-z]+", "-").toLowerCase());
                Tooltip tip = new Tooltip(item.getDescription());
                field.errorProperty().addListener((o, was, now) -> {
                    n.pseudoClassStateChanged(INVALID, !now.isEmpty());
                    tip.setText(now.isEmpty() ? item.getDescription() : now);
                });
                Tooltip.install(n, tip);
            }
            return editor;
        });
        return sheet;
    }
}
