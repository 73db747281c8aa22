package org.latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.ui.DirectBackground;
import org.latentlab.ui.FakeEngine;
import org.latentlab.ui.FxThread;
import org.latentlab.ui.common.FxImages;

/** Two checkpoints of a run on the explorer's z: listed, drawn, following z, silent while hidden. */
class CheckpointCompareViewModelTest {
    private final FakeEngine engine = new FakeEngine(true);

    @BeforeAll
    static void toolkit() throws Exception {
        FxThread.start();
    }

    private static int centre(Image img) {
        int[] argb = FxImages.argb(img);
        return argb[argb.length / 2] & 0xff;
    }

    @Test
    void bothCheckpointsDrawTheExplorersZAndFollowIt() throws Exception {
        FxThread.run(() -> {
            ExplorerViewModel explorer = new ExplorerViewModel(engine, new DirectBackground());
            CheckpointCompareViewModel vm = new CheckpointCompareViewModel(engine, new DirectBackground(), explorer);
            engine.loadBundledModel();
            explorer.setZ(new float[FakeEngine.ZDIM]);
            assertNull(vm.leftImageProperty().get(), "nothing drawn before the window opens");
            vm.show();
            assertEquals(100, vm.leftProperty().get().step(), "the oldest");
            assertEquals(200, vm.rightProperty().get().step(), "and the newest");
            assertEquals("step 200", CheckpointCompareViewModel.label(vm.rightProperty().get()));
            Image left = vm.leftImageProperty().get();
            Image right = vm.rightImageProperty().get();
            assertEquals(2 * centre(left), centre(right), 2, "step 100's generator draws at half the brightness");
            float[] bright = new float[FakeEngine.ZDIM];
            Arrays.fill(bright, 0.8f);
            explorer.setZ(bright);
            assertTrue(centre(vm.rightImageProperty().get()) > centre(right), "both follow z");
            vm.rightProperty().set(vm.checkpoints().get(0));
            assertEquals(centre(vm.leftImageProperty().get()), centre(vm.rightImageProperty().get()));
            vm.hide();
            assertEquals(1, engine.othersReleased, "the other generators freed");
            Image before = vm.leftImageProperty().get();
            explorer.setZ(new float[FakeEngine.ZDIM]);
            assertFalse(before != vm.leftImageProperty().get(), "no renders while hidden");
            return null;
        });
    }
}
