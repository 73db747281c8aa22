package org.latentlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.latentlab.data.ImageDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTest {
    @TempDir Path dir;

    private static TrainingLoop.Options opts(long total, CheckpointStore store) {
        return new TrainingLoop.Options(total, 10, 1000, 0, store, "mnist", "test");
    }

    @Test
    void resumedRunMatchesAnUninterruptedOne() throws Exception {
        ImageDataset data = TestModels.mnist(320);
        float[] z = Prior.sample(77, 0, 4, 8);
        float[] straight;
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(4))) {
            new TrainingLoop(t, data, opts(24, null), new TrainingListener() {}, new TrainingControl()).run();
            straight = t.model().generate(z, 4);
        }
        CheckpointStore store = new CheckpointStore(dir.resolve("run"), 2);
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(4))) {
            // 10 batches per epoch: stopping at 13 also checks the mid-epoch data position.
            new TrainingLoop(t, data, opts(13, store), new TrainingListener() {}, new TrainingControl()).run();
        }
        try (NDManager m = NDManager.newBaseManager(); BiGanTrainer t = Checkpoints.loadTrainer(store.dir(), m)) {
            assertEquals(13, t.step());
            new TrainingLoop(t, data, opts(24, store), new TrainingListener() {}, new TrainingControl()).run();
            float[] resumed = t.model().generate(z, 4);
            assertArrayEquals(straight, resumed, 1e-5f);
        }
    }
}
