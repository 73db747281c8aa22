package org.latentlab.ui.training;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.time.format.DateTimeFormatter;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.engine.ModelInfo;
import org.latentlab.engine.TrainingRequest;
import org.latentlab.model.Architecture;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.Recipe;
import org.latentlab.train.TrainConfig;

/** The editable hyper-parameters of a training run, with the recipe's defaults. */
public final class TrainingSettings {
    final StringProperty data = new SimpleStringProperty("mnist");
    final ObjectProperty<Architecture> arch = new SimpleObjectProperty<>(Architecture.MLP);
    /** E's kind; it follows G's when the architecture changes (a conv G takes a conv E). */
    final ObjectProperty<Architecture> encoder = new SimpleObjectProperty<>(Architecture.MLP);
    final IntegerProperty zdim = new SimpleIntegerProperty(ModelConfig.DEFAULT_ZDIM);
    final IntegerProperty hidden = new SimpleIntegerProperty(ModelConfig.defaultHidden(Architecture.MLP, 28));
    final IntegerProperty imageSize = new SimpleIntegerProperty(28);
    /** E's hidden width or base channels; it follows its default (G's width, or a conv E's) until edited. */
    final IntegerProperty encoderWidth = new SimpleIntegerProperty(hidden.get());
    private int encoderWidthDefault = encoderWidth.get();
    final IntegerProperty channels = new SimpleIntegerProperty(1);
    final BooleanProperty batchNorm = new SimpleBooleanProperty(true);
    final DoubleProperty dropout = new SimpleDoubleProperty(typed(ModelConfig.DEFAULT_DROPOUT));
    final BooleanProperty imageScore = new SimpleBooleanProperty(false);
    final BooleanProperty spectralNorm = new SimpleBooleanProperty(false);
    final IntegerProperty batch = new SimpleIntegerProperty(TrainConfig.DEFAULT_BATCH);
    final DoubleProperty lrD = new SimpleDoubleProperty(typed(TrainConfig.DEFAULT_LR_D));
    final DoubleProperty lrGE = new SimpleDoubleProperty(typed(TrainConfig.DEFAULT_LR_GE));
    final DoubleProperty lambdaX = new SimpleDoubleProperty(typed(TrainConfig.DEFAULT_LAMBDA_X));
    final DoubleProperty lambdaZ = new SimpleDoubleProperty(typed(TrainConfig.DEFAULT_LAMBDA_Z));
    final IntegerProperty cycleShift = new SimpleIntegerProperty(TrainConfig.DEFAULT_CYCLE_SHIFT);
    final DoubleProperty lambdaPrior = new SimpleDoubleProperty(typed(TrainConfig.DEFAULT_LAMBDA_PRIOR));
    final DoubleProperty beta1 = new SimpleDoubleProperty(typed(TrainConfig.BETA1));
    final DoubleProperty beta2 = new SimpleDoubleProperty(typed(TrainConfig.BETA2));
    final IntegerProperty encoderOnlyFrom = new SimpleIntegerProperty(0);
    final DoubleProperty generatorAverage = new SimpleDoubleProperty(0);
    final DoubleProperty encoderPrior = new SimpleDoubleProperty(0);
    final DoubleProperty instanceNoise = new SimpleDoubleProperty(0);
    final IntegerProperty steps = new SimpleIntegerProperty(5000);
    final IntegerProperty seed = new SimpleIntegerProperty(1);
    final ObjectProperty<Path> outDir = new SimpleObjectProperty<>(defaultOutDir());
    /** The number settings as typed, named as the settings sheet names them. */
    final NumberField zdimText = new NumberField("Latent size", zdim, true);
    final NumberField hiddenText = new NumberField("Hidden width", hidden, true);
    final NumberField encoderWidthText = new NumberField("Encoder width", encoderWidth, true);
    final NumberField imageSizeText = new NumberField("Image size", imageSize, true);
    final NumberField channelsText = new NumberField("Channels", channels, true);
    final NumberField dropoutText = new NumberField("Dropout in D", dropout, false);
    final NumberField stepsText = new NumberField("Steps", steps, true);
    final NumberField batchText = new NumberField("Batch size", batch, true);
    final NumberField lrDText = new NumberField("D learning rate", lrD, false);
    final NumberField lrGEText = new NumberField("G+E learning rate", lrGE, false);
    final NumberField lambdaXText = new NumberField("x-cycle weight", lambdaX, false);
    final NumberField lambdaZText = new NumberField("z-cycle weight", lambdaZ, false);
    final NumberField cycleShiftText = new NumberField("x-cycle shift (px)", cycleShift, true);
    final NumberField lambdaPriorText = new NumberField("Prior-matching weight", lambdaPrior, false);
    final NumberField beta1Text = new NumberField("Adam beta1", beta1, false);
    final NumberField beta2Text = new NumberField("Adam beta2", beta2, false);
    final NumberField encoderOnlyFromText = new NumberField("E alone from step", encoderOnlyFrom, true);
    final NumberField encoderPriorText = new NumberField("E's pull to the prior", encoderPrior, false);
    final NumberField generatorAverageText = new NumberField("G average decay", generatorAverage, false);
    final NumberField instanceNoiseText = new NumberField("Instance noise in D", instanceNoise, false);
    final NumberField seedText = new NumberField("Seed", seed, true);
    private final List<NumberField> fields = List.of(zdimText, hiddenText, encoderWidthText, imageSizeText,
            channelsText, dropoutText, stepsText, batchText, lrDText, lrGEText, beta1Text, beta2Text, lambdaXText,
            lambdaZText, cycleShiftText, lambdaPriorText, encoderOnlyFromText, encoderPriorText, generatorAverageText,
            instanceNoiseText, seedText);
    private final StringBinding problem;

    public TrainingSettings() {
        // The width follows the architecture and image size while it is their default, so choosing
        // conv gives conv's 64 base channels, not the MLP's 512 (a conv 64 times slower).
        arch.addListener((o, was, now) -> followDefaultWidth(was, imageSize.get()));
        arch.addListener((o, was, now) -> encoder.set(now));
        imageSize.addListener((o, was, now) -> followDefaultWidth(arch.get(), was.intValue()));
        // E's width: a new kind of E starts at its default; G's width or image size carry it while it is the default.
        encoder.addListener(o -> followDefaultEncoderWidth(true));
        for (Observable g : List.of(arch, hidden, imageSize)) {
            g.addListener(o -> followDefaultEncoderWidth(false));
        }
        List<Observable> inputs = new ArrayList<>(List.of(data, arch, encoder, batchNorm, imageScore));
        for (NumberField f : fields) {
            inputs.add(f.textProperty());
            inputs.add(f.errorProperty());
            inputs.add(f.value()); // set after its text: without it the problem could lag one keystroke
        }
        problem = Bindings.createStringBinding(this::findProblem, inputs.toArray(Observable[]::new));
    }

    private void followDefaultEncoderWidth(boolean newKind) {
        int now = ModelConfig.defaultEncoderWidth(arch.get(), encoder.get(), hidden.get(), imageSize.get());
        if (newKind || encoderWidth.get() == encoderWidthDefault) {
            encoderWidth.set(now);
        }
        encoderWidthDefault = now;
    }

    /**
     * What keeps these settings from starting a run, in words (empty when they can): a field that is
     * not a number, else the first value out of its range. Start stays disabled while it is not empty.
     */
    public StringBinding problemProperty() {
        return problem;
    }

    private String findProblem() {
        try {
            request(null, 1, 1);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * A float setting as the double the user would type: 1e-4f widened is 9.999999747378752E-5,
     * which the settings sheet would show as it is.
     */
    static double typed(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    public StringProperty dataProperty() {
        return data;
    }

    public ObjectProperty<Architecture> archProperty() {
        return arch;
    }

    public IntegerProperty imageSizeProperty() {
        return imageSize;
    }

    public IntegerProperty channelsProperty() {
        return channels;
    }

    private void followDefaultWidth(Architecture wasArch, int wasSize) {
        if (hidden.get() == ModelConfig.defaultHidden(wasArch, wasSize)) {
            hidden.set(ModelConfig.defaultHidden(arch.get(), imageSize.get()));
        }
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    public IntegerProperty zdimProperty() {
        return zdim;
    }

    public IntegerProperty hiddenProperty() {
        return hidden;
    }

    public IntegerProperty cycleShiftProperty() {
        return cycleShift;
    }

    public IntegerProperty batchProperty() {
        return batch;
    }

    public ObjectProperty<Path> outDirProperty() {
        return outDir;
    }

    static Path defaultOutDir() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return runsFolder().resolve("run-" + stamp);
    }

    /** Where the window's runs go by default (and where its checkpoint dialogs start). */
    public static Path runsFolder() {
        return Path.of(System.getProperty("user.home"), "LatentLab", "runs");
    }

    /** Builds the configs; throws IllegalArgumentException with a user-facing message when a value is invalid. */
    ModelConfig modelConfig() {
        return new ModelConfig(arch.get(), zdim.get(), channels.get(), imageSize.get(), hidden.get(), batchNorm.get(),
                (float) dropout.get(), imageScore.get(), spectralNorm.get(), encoder.get(), encoderWidth.get());
    }

    /** The run these settings ask for; an IllegalArgumentException says, in words, what is wrong with them. */
    TrainingRequest request(Path resumeFrom, int snapshotEvery, int checkpointEvery) {
        for (NumberField f : fields) {
            if (!f.errorProperty().get().isEmpty()) {
                throw new IllegalArgumentException(f.errorProperty().get());
            }
        }
        if (steps.get() < 1) {
            throw new IllegalArgumentException("Steps must be at least 1.");
        }
        return new TrainingRequest(data.get(), modelConfig(), trainConfig(), steps.get(), outDir.get(), resumeFrom,
                snapshotEvery, checkpointEvery);
    }

    TrainConfig trainConfig() {
        return TrainConfig.recipe(batch.get(), (float) lrD.get(), (float) lrGE.get(), (float) lambdaX.get(),
                (float) lambdaZ.get(), seed.get(), cycleShift.get()).withLambdaPrior((float) lambdaPrior.get())
                .withBetas((float) beta1.get(), (float) beta2.get()).withEncoderOnlyFrom(encoderOnlyFrom.get())
                .withGeneratorAverage((float) generatorAverage.get()).withEncoderPrior((float) encoderPrior.get())
                .withInstanceNoise((float) instanceNoise.get());
    }

    /** Shows a loaded model's settings (so resuming continues with them). */
    void show(ModelInfo m) {
        ModelConfig mc = m.config();
        TrainConfig tc = m.train();
        data.set(m.dataset());
        arch.set(mc.arch());
        encoder.set(mc.encoder());
        zdim.set(mc.zdim());
        hidden.set(mc.hidden());
        imageSize.set(mc.imageSize());
        channels.set(mc.channels());
        encoderWidth.set(mc.encoderWidth());
        batchNorm.set(mc.batchNorm());
        dropout.set(typed(mc.dDropout()));
        imageScore.set(mc.imageScore());
        spectralNorm.set(mc.spectralNorm());
        showTraining(tc);
        seed.set((int) tc.seed());
        steps.set((int) Math.max(steps.get(), m.step() + 1000));
    }

    /**
     * Starts from a measured recipe: its length, D's normalisation and image score, and its training
     * settings; the data, the networks' sizes and the seed stay as they are.
     */
    void startFrom(Recipe r) {
        steps.set((int) r.steps());
        spectralNorm.set(r.spectralNorm());
        imageScore.set(r.imageScore());
        showTraining(r.train(seed.get(), r.steps()));
    }

    private void showTraining(TrainConfig tc) {
        batch.set(tc.batchSize());
        lrD.set(typed(tc.lrD()));
        lrGE.set(typed(tc.lrGE()));
        lambdaX.set(typed(tc.lambdaX()));
        lambdaZ.set(typed(tc.lambdaZ()));
        cycleShift.set(tc.cycleShift());
        lambdaPrior.set(typed(tc.lambdaPrior()));
        beta1.set(typed(tc.beta1()));
        beta2.set(typed(tc.beta2()));
        encoderOnlyFrom.set((int) tc.encoderOnlyFrom());
        generatorAverage.set(typed(tc.generatorAverage()));
        encoderPrior.set(typed(tc.encoderPrior()));
        instanceNoise.set(typed(tc.instanceNoise()));
    }
}
