package org.latentlab.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.AppPaths;
import org.latentlab.data.BatchIterator;
import org.latentlab.engine.ModelInfo;
import org.latentlab.latent.Prior;
import org.latentlab.model.Architecture;
import org.latentlab.model.BiGan;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.TrainConfig;
import org.latentlab.train.TestModels;

/** E's kind apart from G's: a conv E for an MLP model, and the checkpoints written before it. */
class EncoderKindTest {
    @TempDir Path dir;

    @Test
    void aCheckpointWrittenBeforeTheOptionHasAnEncoderOfGsKindAndWidth() throws Exception {
        ModelConfig bundled = Checkpoints.readManifest(AppPaths.bundledModel()).model();
        assertEquals(Architecture.MLP, bundled.encoder());
        assertEquals(512, bundled.encoderWidth());
        ModelConfig conv = Json.GSON.fromJson("{\"arch\": \"CONV\", \"zdim\": 64, \"channels\": 3, \"imageSize\": 32,"
                + " \"hidden\": 48, \"batchNorm\": true, \"dDropout\": 0.2}", ModelConfig.class);
        assertEquals(Architecture.CONV, conv.encoder());
        assertEquals(48, conv.encoderWidth());
        assertEquals(0, conv.convEncoderFc());
    }

    @Test
    void aConvEncoderForAnMlpModelTakesConvsDefaultWidthAndEndsInGsWidth() {
        ModelConfig c = ModelConfig.defaults(Architecture.MLP, 32, 1, 28).withEncoder(Architecture.CONV, 0);
        assertEquals(64, c.encoderWidth());
        assertEquals(512, c.convEncoderFc());
        assertEquals(32, ModelConfig.defaults(Architecture.MLP, 32, 3, 64).withEncoder(Architecture.CONV, 0)
                .encoderWidth());
        assertEquals(c, Json.GSON.fromJson(Json.GSON.toJson(c), ModelConfig.class));
    }

    @Test
    void theModelsLineSaysItsEncoderWhenItIsOfAnotherKind() {
        ModelConfig mlp = TestModels.small();
        String plain = new ModelInfo(mlp, TrainConfig.defaults(1), 10, TestModels.MNIST_DATA, null, Map.of(), false)
                .describe();
        assertTrue(plain.contains("· mlp ·"), plain);
        String mixed = new ModelInfo(mlp.withEncoder(Architecture.CONV, 8), TrainConfig.defaults(1), 10,
                TestModels.MNIST_DATA, null, Map.of(), false).describe();
        assertTrue(mixed.contains("· mlp with a conv encoder ·"), mixed);
    }

    @Test
    void whatCannotBeBuiltIsRefusedInWords() {
        ModelConfig conv = ModelConfig.defaults(Architecture.CONV, 32, 1, 28);
        String msg = assertThrows(IllegalArgumentException.class, () -> conv.withEncoder(Architecture.MLP, 0))
                .getMessage();
        assertTrue(msg.contains("conv model's encoder is conv"), msg);
        ModelConfig odd = ModelConfig.defaults(Architecture.MLP, 32, 1, 40);
        msg = assertThrows(IllegalArgumentException.class, () -> odd.withEncoder(Architecture.CONV, 0)).getMessage();
        assertTrue(msg.contains("28, 32 or 64"), msg);
        assertThrows(IllegalArgumentException.class, () -> odd.withEncoder(Architecture.TORCHSCRIPT, 0));
    }

    /**
     * Resumed into E's phase with another kind: G and D come from the checkpoint and stay as they
     * are, E is new and learns, and its checkpoints say so. Before E's phase it is refused in words.
     */
    @Test
    void aResumedRunTakesANewEncoderOfAnotherKindOnlyInEsPhase() throws Exception {
        ModelConfig c = TestModels.small();
        float[] z = Prior.sample(5, 0, 4, c.zdim());
        Path game = dir.resolve("game");
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, c, TestModels.smallTrain(2))) {
            BatchIterator it = new BatchIterator(TestModels.mnist(256), 32, 2);
            for (int s = 0; s < 3; s++) {
                t.train(it.next(), Prior.sample(2, s, 32, c.zdim()));
            }
            Checkpoints.save(t, game, TestModels.MNIST_DATA, "test", Map.of());
        }
        float[] gBefore;
        try (NDManager m = NDManager.newBaseManager(); BiGan saved = CheckpointLoader.loadModel(game, m)) {
            gBefore = saved.generate(z, 4);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            String msg = assertThrows(CheckpointException.class, () -> CheckpointLoader.loadTrainer(game, m,
                    new TrainConfig.EncoderPhase(null, null, Architecture.CONV))).getMessage();
            assertTrue(msg.contains("a new conv encoder trains only while E trains alone"), msg);
        }
        Path after = dir.resolve("after");
        try (NDManager m = NDManager.newBaseManager(); BiGanTrainer t = CheckpointLoader.loadTrainer(game, m,
                new TrainConfig.EncoderPhase(3L, 5f, Architecture.CONV))) {
            assertEquals(Architecture.CONV, t.model().config().encoder());
            assertArrayEquals(gBefore, t.model().generate(z, 4), "G is the checkpoint's");
            BatchIterator it = new BatchIterator(TestModels.mnist(256), 32, 3);
            for (int s = 3; s < 5; s++) {
                assertTrue(t.train(it.next(), Prior.sample(2, s, 32, c.zdim())).finite());
            }
            assertArrayEquals(gBefore, t.model().generate(z, 4), "G stands still in E's phase");
            Checkpoints.save(t, after, TestModels.MNIST_DATA, "test", Map.of());
        }
        assertEquals(Architecture.CONV, Checkpoints.readManifest(after).model().encoder());
        try (NDManager m = NDManager.newBaseManager(); BiGanTrainer t = CheckpointLoader.loadTrainer(after, m)) {
            assertEquals(5, t.step(), "and it resumes as any run");
        }
    }

    /** Saved, loaded and trained on: its E is convolutional, and it comes back as it went. */
    @Test
    void anMlpModelWithAConvEncoderTrainsAndComesBackAsItWent() throws Exception {
        ModelConfig c = TestModels.small().withEncoder(Architecture.CONV, 8);
        float[] x = new float[4 * 784];
        for (int i = 0; i < 4; i++) {
            TestModels.mnist(4).copyImage(i, x, i * 784);
        }
        float[] before;
        Path ckpt = dir.resolve("step");
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, c, TestModels.smallTrain(2))) {
            assertEquals(4, t.model().encoder().getParameters().get(0).getValue().getArray().getShape().dimension(),
                    "E's first weight is a conv kernel");
            BatchIterator it = new BatchIterator(TestModels.mnist(256), 32, 2);
            for (int s = 0; s < 2; s++) {
                assertTrue(t.train(it.next(), Prior.sample(2, s, 32, c.zdim())).finite());
            }
            before = t.model().encode(x, 4);
            assertEquals(4 * c.zdim(), before.length);
            Checkpoints.save(t, ckpt, TestModels.MNIST_DATA, "test", Map.of());
        }
        assertEquals(c, Checkpoints.readManifest(ckpt).model());
        try (NDManager m = NDManager.newBaseManager(); BiGan back = CheckpointLoader.loadModel(ckpt, m)) {
            assertArrayEquals(before, back.encode(x, 4));
        }
    }
}
