package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.AppPaths;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.data.GeneratedData;

/**
 * The commands on data sets that are not MNIST (generated shapes: an IDX folder with class names,
 * gray and colour image folders): each speaks about its own data, never about digits.
 */
@Tag("slow")
class OtherDataCliTest {
    @TempDir Path dir;

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    /**
     * A model of another labelled data set (generated shapes with class names) is measured on its
     * own data: no digit classifier's scores (they would look like a broken model) until a
     * classifier of its own data is trained, and reconstruct shows its own test images.
     */
    @Test
    void aModelOfOtherDataIsMeasuredOnItsOwnDataAndClassifier() throws Exception {
        Path data = GeneratedData.idx(dir.resolve("shapes"), 600, 150);
        Path runDir = dir.resolve("shapes-run");
        assertEquals(0, run("train", "--data", data.toString(), "--steps", "3", "--zdim", "4", "--hidden", "16",
                "--batch", "16", "--no-density", "--threads", "1", "--out", runDir.toString()).code());
        var recorded = Checkpoints.readManifest(runDir).dataDescription();
        assertEquals(GeneratedData.CLASSES, recorded.classNames());
        assertEquals("letterbox", recorded.preparation(), "shapes are not centred like MNIST digits");
        var eval = run("eval", "--model", runDir.toString());
        assertEquals(0, eval.code(), eval.err());
        JsonObject json = JsonParser.parseString(eval.out().trim()).getAsJsonObject();
        assertTrue(json.has("one_nn_accuracy"), eval.out());
        assertFalse(json.has("classifier_score") || json.has("recon_classifier_accuracy"), eval.out());
        assertTrue(eval.err().contains("classifier scores are left out") && eval.err().contains("train-classifier"),
                eval.err());
        var digits = run("eval", "--model", runDir.toString(), "--classifier", AppPaths.bundledClassifier().toString());
        assertFalse(digits.out().contains("classifier_score"), "a digit classifier never scores shapes");
        assertTrue(digits.err().contains("was trained on mnist"), digits.err());

        var trained = run("train-classifier", "--model", runDir.toString(), "--epochs", "1");
        assertEquals(0, trained.code(), trained.err());
        var scored = run("eval", "--model", runDir.toString());
        assertEquals(0, scored.code(), scored.err());
        JsonObject withScores = JsonParser.parseString(scored.out().trim()).getAsJsonObject();
        assertEquals(3, withScores.getAsJsonArray("class_histogram").size(), scored.out());
        assertTrue(withScores.has("classifier_score_fraction_of_test_set"), scored.out());
        assertTrue(withScores.get("classifier_test_accuracy").getAsDouble() > 0.5, scored.out());

        Path moved = Files.createDirectories(dir.resolve("shapes-elsewhere")); // the same files, no classes.txt
        try (var files = Files.list(data)) {
            for (Path f : files.filter(f -> f.getFileName().toString().contains("idx")).toList()) {
                Files.copy(f, moved.resolve(f.getFileName()));
            }
        }
        Path shipped = dir.resolve("shapes-shipped");
        assertEquals(0, run("export", "--model", runDir.toString(), "--data", moved.toString(), "--out",
                shipped.toString()).code());
        var travelled = Checkpoints.readManifest(shipped).dataDescription();
        assertEquals(moved.toString(), travelled.source());
        assertEquals(GeneratedData.CLASSES, travelled.classNames(), "the recorded names travel with the model");
        var other = run("export", "--model", runDir.toString(), "--data", "mnist", "--out",
                dir.resolve("wrong").toString());
        assertEquals(1, other.code());
        assertTrue(other.err().contains("other images"), other.err());

        var recon = run("reconstruct", "--model", runDir.toString(), "--count", "4", "--out",
                dir.resolve("shapes.png").toString());
        assertEquals(0, recon.code(), recon.err());
        Files.delete(data.resolve("t10k-images-idx3-ubyte"));
        var gone = run("reconstruct", "--model", runDir.toString(), "--out", dir.resolve("gone.png").toString());
        assertEquals(1, gone.code(), "the model's own data, not MNIST, is what reconstruct reads");
    }

    /** An image folder with class subfolders, gray and colour: conv at 32 px, eval on held-out images, reconstruct. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void anImageFolderModelIsEvaluatedOnHeldOutImages(int channels) throws Exception {
        Path data = GeneratedData.folder(dir.resolve("folder-" + channels), 30, 40, channels == 3);
        Path runDir = dir.resolve("folder-run-" + channels);
        assertEquals(0, run("train", "--data", data.toString(), "--arch", "conv", "--image-size", "32", "--channels",
                "" + channels, "--hidden", "8", "--zdim", "8", "--steps", "2", "--batch", "8", "--no-density",
                "--threads", "1", "--out", runDir.toString()).code());
        var recorded = Checkpoints.readManifest(runDir).dataDescription();
        assertEquals(GeneratedData.CLASSES.stream().sorted().toList(), recorded.classNames(), "sorted");
        assertEquals("crop", recorded.preparation());
        var eval = run("eval", "--model", runDir.toString(), "--no-classifier");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(JsonParser.parseString(eval.out().trim()).getAsJsonObject().get("one_nn_accuracy").getAsDouble()
                < 1.0, "held-out images, not the training images themselves: " + eval.out());
        var recon = run("reconstruct", "--model", runDir.toString(), "--count", "4", "--out",
                dir.resolve("folder-" + channels + ".png").toString());
        assertEquals(0, recon.code(), recon.err());

        Path torch = dir.resolve("torch-" + channels);
        var exported = run("export", "--format", "safetensors", "--model", runDir.toString(), "--out",
                torch.toString());
        assertEquals(0, exported.code(), exported.err());
        JsonObject config = JsonParser.parseString(Files.readString(torch.resolve("config.json"))).getAsJsonObject();
        assertEquals(channels, config.get("channels").getAsInt());
        assertEquals(GeneratedData.CLASSES.size(), config.getAsJsonArray("class_names").size());
        assertTrue(Files.size(torch.resolve("model.safetensors")) > 1000);
        var unknown = run("export", "--format", "onnx", "--model", runDir.toString(), "--out", torch.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("--format must be latentlab or safetensors, not 'onnx'"), unknown.err());
    }
}
