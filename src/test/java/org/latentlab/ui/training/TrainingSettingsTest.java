package org.latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.data.DataDescription;
import org.latentlab.engine.ModelInfo;
import org.latentlab.model.Architecture;
import org.latentlab.train.Recipe;
import org.latentlab.train.TrainConfig;

/** The training settings: defaults that follow the architecture, and number fields checked as they are typed. */
class TrainingSettingsTest {
    @Test
    void choosingConvGivesConvsDefaultWidth() {
        TrainingSettings s = new TrainingSettings();
        assertEquals(512, s.modelConfig().hidden());
        s.arch.set(Architecture.CONV);
        assertEquals(64, s.modelConfig().hidden());
        s.imageSize.set(64);
        assertEquals(32, s.modelConfig().hidden());
        s.arch.set(Architecture.MLP);
        assertEquals(512, s.modelConfig().hidden());
    }

    /** E follows G's kind when the architecture changes; a conv E for the MLP model is a choice, a conv G's is not. */
    @Test
    void theEncoderFollowsTheArchitectureAndAConvEncoderServesTheMlp() {
        TrainingSettings s = new TrainingSettings();
        s.encoder.set(Architecture.CONV);
        assertEquals(Architecture.CONV, s.modelConfig().encoder());
        assertEquals(64, s.modelConfig().encoderWidth());
        assertEquals("", s.problemProperty().get());
        s.arch.set(Architecture.CONV);
        s.encoder.set(Architecture.MLP);
        assertTrue(s.problemProperty().get().contains("A conv model's encoder is conv too"), s.problemProperty().get());
        s.arch.set(Architecture.MLP);
        assertEquals(Architecture.MLP, s.modelConfig().encoder());
        assertEquals("", s.problemProperty().get());
    }

    /**
     * E's width follows its default (G's width for an E of G's kind, a conv E's 64 channels) until
     * edited; an opened model's width is shown and carries to a new model; a new kind of E starts
     * at its default.
     */
    @Test
    void theEncoderWidthFollowsItsDefaultAndAnOpenedModelsCarries() {
        TrainingSettings s = new TrainingSettings();
        assertEquals(512, s.modelConfig().encoderWidth());
        s.hidden.set(256);
        assertEquals(256, s.modelConfig().encoderWidth(), "an MLP E follows G's width");
        s.encoder.set(Architecture.CONV);
        assertEquals("64", s.encoderWidthText.textProperty().get(), "a conv E's default, on the sheet");
        s.encoderWidthText.textProperty().set("32");
        s.hidden.set(512);
        assertEquals(32, s.modelConfig().encoderWidth(), "a width the user typed stays");
        s.show(new ModelInfo(s.modelConfig().withEncoder(Architecture.CONV, 48), s.trainConfig(), 100,
                DataDescription.implied("mnist", 1, 28), null, Map.of(), false));
        assertEquals("48", s.encoderWidthText.textProperty().get(), "the opened model's E width is shown");
        assertEquals(48, s.modelConfig().encoderWidth());
        s.encoder.set(Architecture.MLP);
        assertEquals(512, s.modelConfig().encoderWidth(), "a new kind of E starts at its default");
        s.arch.set(Architecture.CONV);
        assertEquals(64, s.modelConfig().encoderWidth(), "a conv G's E follows G's channels");
        s.encoderWidthText.textProperty().set("2");
        assertTrue(s.problemProperty().get().contains("width must be between 4 and 8192"), s.problemProperty().get());
    }

    @Test
    void aWidthTheUserChoseStays() {
        TrainingSettings s = new TrainingSettings();
        s.hidden.set(256);
        s.arch.set(Architecture.CONV);
        assertEquals(256, s.modelConfig().hidden());
    }

    /** The sheet shows the defaults as a user would type them, not as floats widened to doubles. */
    @Test
    void defaultsReadAsTyped() {
        TrainingSettings s = new TrainingSettings();
        assertEquals(1e-4, s.lrD.get());
        assertEquals(2e-4, s.lrGE.get());
        assertEquals(0.2, s.dropout.get());
        assertEquals("1.0E-4", Double.toString(s.lrD.get()));
    }

    /** Loaded values show as a person types them; typing a number sets it at once. */
    @Test
    void numberFieldsShowValuesAsTypedAndTakeTypedNumbers() {
        TrainingSettings s = new TrainingSettings();
        assertEquals("1e-4", s.lrDText.textProperty().get());
        assertEquals("2e-4", s.lrGEText.textProperty().get());
        assertEquals("0.2", s.dropoutText.textProperty().get());
        assertEquals("4", s.lambdaXText.textProperty().get());
        assertEquals("2.5e-4", NumberField.format(2.5e-4, false));
        s.lrDText.textProperty().set("3e-4");
        assertEquals(3e-4, s.lrD.get(), 1e-12);
        s.zdim.set(64); // as a loaded checkpoint's settings do
        assertEquals("64", s.zdimText.textProperty().get());
        assertEquals("", s.problemProperty().get());
    }

    /**
     * "abc" in a rate field is kept and named, not reverted without a word; a number out of range
     * is named too; either keeps Start disabled (the problem is not empty) until it is fixed.
     */
    @Test
    void aFieldThatIsNotANumberOrOutOfRangeIsNamedUntilFixed() {
        TrainingSettings s = new TrainingSettings();
        s.lrDText.textProperty().set("abc");
        assertEquals("abc", s.lrDText.textProperty().get());
        assertEquals(1e-4, s.lrD.get(), 1e-12, "the last number stays");
        assertEquals("D learning rate: \"abc\" is not a number.", s.problemProperty().get());
        s.lrDText.textProperty().set("5");
        assertTrue(s.problemProperty().get().contains("D learning rate must be in (0, 1)"), s.problemProperty().get());
        s.lrDText.textProperty().set("1e-4");
        assertEquals("", s.problemProperty().get());
        s.zdimText.textProperty().set("3.5");
        assertEquals("Latent size: \"3.5\" is not a whole number.", s.problemProperty().get());
        s.zdimText.textProperty().set("");
        assertEquals("Latent size needs a value.", s.problemProperty().get());
        s.zdimText.textProperty().set("NaN");
        assertTrue(s.problemProperty().get().startsWith("Latent size"), s.problemProperty().get());
        assertThrows(IllegalArgumentException.class, () -> s.request(null, 1, 1), "Start refuses it too");
    }

    @Test
    void thePriorMatchingWeightReachesTheRecipeAndIsChecked() {
        TrainingSettings s = new TrainingSettings();
        s.lambdaPriorText.textProperty().set("100");
        assertEquals(100f, s.trainConfig().lambdaPrior());
        s.lambdaPriorText.textProperty().set("-1");
        assertTrue(s.problemProperty().get().startsWith("The prior-matching weight must be finite and at least 0"),
                s.problemProperty().get());
    }

    @Test
    void spectralNormalisationReachesTheModelAndComesBackFromALoadedOne() {
        TrainingSettings s = new TrainingSettings();
        assertFalse(s.modelConfig().spectralNorm(), "off by default");
        s.spectralNorm.set(true);
        assertTrue(s.modelConfig().spectralNorm());
        TrainingSettings shown = new TrainingSettings();
        shown.show(new ModelInfo(s.modelConfig(), s.trainConfig(), 100, DataDescription.implied("mnist", 1, 28), null,
                Map.of(), false));
        assertTrue(shown.spectralNorm.get(), "a loaded model's setting is shown");
    }

    @Test
    void adamBetasAndTheEncoderPhaseReachTheRecipeAndComeBackFromALoadedModel() {
        TrainingSettings s = new TrainingSettings();
        assertEquals(List.of(0.5f, 0.999f, 0L), List.of(s.trainConfig().beta1(), s.trainConfig().beta2(),
                s.trainConfig().encoderOnlyFrom()), "DCGAN's betas, no encoder phase, by default");
        s.beta1Text.textProperty().set("0");
        s.beta2Text.textProperty().set("0.9");
        s.encoderOnlyFromText.textProperty().set("24000");
        assertEquals(0f, s.trainConfig().generatorAverage(), "G's last weights by default");
        s.generatorAverageText.textProperty().set("0.999");
        assertEquals(List.of(0f, 0.9f, 24000L, 0.999f), List.of(s.trainConfig().beta1(), s.trainConfig().beta2(),
                s.trainConfig().encoderOnlyFrom(), s.trainConfig().generatorAverage()));
        TrainingSettings shown = new TrainingSettings();
        shown.show(new ModelInfo(s.modelConfig(), s.trainConfig(), 100, DataDescription.implied("mnist", 1, 28), null,
                Map.of(), false));
        assertEquals("0", shown.beta1Text.textProperty().get());
        assertEquals(24000, shown.encoderOnlyFrom.get(), "a loaded model's phase is shown, and a resumed run keeps it");
        assertEquals("0.999", shown.generatorAverageText.textProperty().get());
        s.beta1Text.textProperty().set("1");
        assertEquals("Adam betas must be in [0, 1)", s.problemProperty().get());
        s.beta1Text.textProperty().set("0");
        s.encoderPriorText.textProperty().set("10");
        assertEquals(10f, s.trainConfig().encoderPrior(), "E's pull to the prior in its phase");
        shown.show(new ModelInfo(s.modelConfig(), s.trainConfig(), 100, DataDescription.implied("mnist", 1, 28), null,
                Map.of(), false));
        assertEquals("10", shown.encoderPriorText.textProperty().get());
        assertEquals(0f, s.trainConfig().instanceNoise(), "D sees images as they are by default");
        s.instanceNoiseText.textProperty().set("0.1");
        assertEquals(0.1f, s.trainConfig().instanceNoise());
        shown.show(new ModelInfo(s.modelConfig(), s.trainConfig(), 100, DataDescription.implied("mnist", 1, 28), null,
                Map.of(), false));
        assertEquals("0.1", shown.instanceNoiseText.textProperty().get());
        s.instanceNoiseText.textProperty().set("2");
        assertEquals("The instance noise must be 0 to 1, not 2.0", s.problemProperty().get());
        s.instanceNoiseText.textProperty().set("0.1");
        s.encoderOnlyFromText.textProperty().set("0");
        assertTrue(s.problemProperty().get().contains("only while E trains alone"), s.problemProperty().get());
    }

    /** A recipe fills what it was measured with; the data, sizes and seed stay the user's. */
    @Test
    void aRecipeFillsItsSettingsAndKeepsTheData() {
        TrainingSettings s = new TrainingSettings();
        s.data.set("/data/fashion");
        s.zdimText.textProperty().set("64");
        s.seedText.textProperty().set("3");
        s.startFrom(Recipe.GAN_FIRST);
        assertEquals(Recipe.GAN_FIRST.train(3, 40_000), s.trainConfig());
        assertEquals(40_000, s.steps.get());
        assertTrue(s.modelConfig().spectralNorm() && s.modelConfig().imageScore());
        assertEquals(List.of("/data/fashion", 64), List.of(s.data.get(), s.modelConfig().zdim()));
        assertEquals("", s.problemProperty().get());
        s.startFrom(Recipe.ENCODER_FIRST);
        assertEquals(TrainConfig.defaults(3), s.trainConfig());
        assertFalse(s.modelConfig().spectralNorm() || s.modelConfig().imageScore());
        assertEquals("", s.problemProperty().get());
    }
}
