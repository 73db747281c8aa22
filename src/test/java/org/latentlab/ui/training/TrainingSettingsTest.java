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
}
