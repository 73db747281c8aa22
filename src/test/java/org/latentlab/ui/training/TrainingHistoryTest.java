package org.latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The grid history stays within its memory budget at every image size, thinning old frames evenly. */
class TrainingHistoryTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void historyOf256PixelGridsStaysWithinTheBudget() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            TrainingHistory h = new TrainingHistory();
            // 64 samples of 256 px at scale 2 would be 4096 px square; a 1024 px grid keeps the test light
            // while 300 frames of it (2.4 GB counted by frames) are far over the budget.
            for (int step = 1; step <= 300; step++) {
                h.addFrame(new GridFrame(step * 100L, new WritableImage(1024, 512), new WritableImage(1024, 512),
                        new WritableImage(1024, 512), 0f));
            }
            long bytes = h.frames().stream().mapToLong(GridFrame::bytes).sum();
            assertTrue(bytes <= TrainingHistory.GRID_BUDGET_BYTES, bytes + " bytes");
            assertEquals(100L, h.frames().get(0).step(), "the run's first frame is kept");
            assertEquals(30_000L, h.frames().get(h.frames().size() - 1).step(), "the newest frame is kept");
            assertEquals(h.frames().size() - 1, h.selectedFrameProperty().get());
            assertTrue(h.frames().size() >= 10, h.frames().size() + " frames");
            return null;
        }).get(30, TimeUnit.SECONDS);
    }
}
