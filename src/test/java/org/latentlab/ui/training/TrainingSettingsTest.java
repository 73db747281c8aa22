package org.latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.latentlab.model.Architecture;
import org.junit.jupiter.api.Test;

/** The window's width follows the architecture's default, and a width the user typed stays. */
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
}
