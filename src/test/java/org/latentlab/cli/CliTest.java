package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.AppPaths;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.engine.InferenceModel;

@Tag("slow")
class CliTest {
    @TempDir static Path dir;
    static Path one;
    static Path seven;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void drawDigits() throws Exception {
        one = draw("one.png", new int[] {100, 30, 100, 170});
        seven = draw("seven.jpg", new int[] {40, 30, 150, 30, 150, 30, 80, 170});
    }

    static Path draw(String name, int[] lines) throws Exception {
        BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 200);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(16));
        for (int i = 0; i < lines.length; i += 4) {
            g.drawLine(lines[i], lines[i + 1], lines[i + 2], lines[i + 3]);
        }
        g.dispose();
        Path p = dir.resolve(name);
        ImageIO.write(img, name.endsWith(".png") ? "png" : "jpg", p.toFile());
        return p;
    }

    @Test
    void sampleWritesAGridFromTheBundledModel() throws Exception {
        Path out = dir.resolve("grid.png");
        Run r = run("sample", "--count", "16", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("z from the fitted latent density at temperature 0.7"), r.out());
        BufferedImage grid = ImageIO.read(out.toFile());
        assertEquals(4 * (28 * 2 + 1) + 1, grid.getWidth());
        Run uniform = run("sample", "--count", "4", "--uniform", "--out", out.toString());
        assertTrue(uniform.out().contains("z from the prior U(-1, 1)"), uniform.out());
    }

    @Test
    void reconstructWritesTestDigitsNextToTheirReconstructions() throws Exception {
        Path out = dir.resolve("pairs.png");
        Run r = run("reconstruct", "--count", "8", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote 8 pairs"), r.out());
        BufferedImage grid = ImageIO.read(out.toFile());
        assertEquals(8 * (28 * 2 + 1) + 1, grid.getWidth(), "8 columns: 4 pairs a row");
        assertEquals(2 * (28 * 2 + 1) + 1, grid.getHeight(), "16 images in 2 rows");
        Run bad = run("reconstruct", "--first", "10000", "--out", out.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--first must be between 0 and 9999"), bad.err());
    }

    @Test
    void encodePrintsZAndWritesTheReconstruction() throws Exception {
        Path out = dir.resolve("recon.png");
        Run r = run("encode", one.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject json = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertEquals(32, json.getAsJsonArray("z").size());
        double mse = json.get("reconstruction_mse").getAsDouble();
        assertTrue(mse > 0 && mse < 0.2, "reconstruction error " + mse);
        assertTrue(Files.size(out) > 0);
    }

    /** decode reads what encode prints and draws exactly G(z) of the model. */
    @Test
    void decodeDrawsTheZThatEncodePrinted() throws Exception {
        Run enc = run("encode", one.toString());
        Path zFile = dir.resolve("z.json");
        Files.writeString(zFile, enc.out().trim());
        Path out = dir.resolve("decoded.png");
        Run r = run("decode", "--z", zFile.toString(), "--out", out.toString(), "--scale", "1");
        assertEquals(0, r.code(), r.err());
        var z = JsonParser.parseString(enc.out().trim()).getAsJsonObject().getAsJsonArray("z");
        float[] zv = new float[z.size()];
        for (int i = 0; i < zv.length; i++) {
            zv[i] = z.get(i).getAsFloat();
        }
        float[] expected;
        try (var m = InferenceModel.load(AppPaths.bundledModel())) {
            expected = m.generate(zv);
        }
        BufferedImage img = ImageIO.read(out.toFile());
        int worst = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int grey = img.getRGB(x + 1, y + 1) & 0xFF; // a one-pixel border around the image
                worst = Math.max(worst, Math.abs(grey - Math.round(expected[y * 28 + x] * 255)));
            }
        }
        assertTrue(worst <= 1, "largest pixel difference " + worst);
    }

    @Test
    void decodeRefusesAZThatDoesNotFitTheModelInWords() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[0.1, 0.2]");
        Run shortZ = run("decode", "--z", bad.toString(), "--out", dir.resolve("x.png").toString());
        assertEquals(2, shortZ.code());
        assertTrue(shortZ.err().contains("Expected 32 numbers for this model's latent vector, found 2"), shortZ.err());
        Files.writeString(bad, "{\"z\": [" + "0.5, ".repeat(31) + "7]}");
        Run outside = run("decode", "--z", bad.toString(), "--out", dir.resolve("x.png").toString());
        assertTrue(outside.err().contains("Value 32 (7.0) is outside the latent range [-1, 1]"), outside.err());
        Files.writeString(bad, "not json {");
        Run notJson = run("decode", "--z", bad.toString(), "--out", dir.resolve("x.png").toString());
        assertEquals(2, notJson.code());
        assertTrue(notJson.err().contains("is not JSON"), notJson.err());
    }

    @Test
    void interpolateWritesAStrip() throws Exception {
        Path out = dir.resolve("strip.png");
        Run r = run("interpolate", one.toString(), seven.toString(), "--frames", "6", "--slerp", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(6 * (28 * 3 + 1) + 1, ImageIO.read(out.toFile()).getWidth());
    }

    @Test
    void trainWritesACheckpointThatSampleCanUse() throws Exception {
        Path run = dir.resolve("run");
        Run r = run("train", "--data", "mnist", "--arch", "mlp", "--zdim", "8", "--hidden", "32", "--steps", "20",
                "--limit", "256", "--batch", "32", "--log-every", "10", "--out", run.toString(), "--threads", "1",
                "--adam-betas", "0,0.9", "--encoder-only-from", "15", "--g-average", "0.99", "--encoder-prior", "5",
                "--instance-noise", "0.1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("step 20/20"), r.out());
        var recipe = Checkpoints.readManifest(run).train();
        assertEquals(List.of(0f, 0.9f, 15L, 0.99f, 5f, 0.1f), List.of(recipe.beta1(), recipe.beta2(),
                recipe.encoderOnlyFrom(), recipe.generatorAverage(), recipe.encoderPrior(), recipe.instanceNoise()));
        assertTrue(r.out().contains("fitted the latent density"), r.out());
        Run s = run("sample", "--model", run.toString(), "--count", "4", "--out", dir.resolve("s.png").toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("fitted latent density"), s.out());
        Run refit = run("fit-density", "--model", run.toString(), "--components", "3", "--max-codes", "100");
        assertEquals(0, refit.code(), refit.err());
        assertTrue(refit.out().contains("fitted 3 components to 100 codes"), refit.out());
        assertEquals(2, run("fit-density", "--model", run.toString(), "--components", "0").code());
        Run again = run("train", "--data", "mnist", "--zdim", "8", "--hidden", "32", "--steps", "5", "--limit", "256",
                "--out", run.toString(), "--threads", "1");
        assertEquals(1, again.code(), "a fresh run into a folder that holds a run is refused");
        assertTrue(again.err().contains("already holds a training run") && again.err().contains("--resume"),
                again.err());
        Run pullWithoutPhase = run("train", "--data", "mnist", "--steps", "5", "--encoder-prior", "10", "--out",
                dir.resolve("no-phase").toString());
        assertEquals(2, pullWithoutPhase.code());
        assertTrue(pullWithoutPhase.err().contains("only while E trains alone"), pullWithoutPhase.err());
        Run resumed = run("train", "--resume", run.toString(), "--steps", "30", "--limit", "256", "--out",
                run.toString(), "--threads", "1", "--lr-d", "1e-3", "--instance-noise", "0", "--g-average", "0.5",
                "--encoder-only-from", "25", "--encoder-prior", "8");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(List.of(25L, 8f), List.of(Checkpoints.readManifest(run).train().encoderOnlyFrom(),
                Checkpoints.readManifest(run).train().encoderPrior()), "E's phase: what a resumed run may change");
        assertTrue(resumed.out().contains("steps 20 -> 30"), resumed.out());
        assertTrue(resumed.err().contains("--lr-d, --instance-noise, --g-average ignored: a resumed run keeps the "
                + "settings of its checkpoint"), resumed.err());
        var kept = Checkpoints.readManifest(run).train();
        assertEquals(List.of(0.99f, 0.1f), List.of(kept.generatorAverage(), kept.instanceNoise()), "the checkpoint's");
        assertTrue(resumed.out().contains("resuming with"), resumed.out());
        assertEquals(30, Checkpoints.readManifest(run).step());
    }

    /** {@code open DIR} checks the folder before any window opens, and hands a model folder to the window. */
    @Test
    void openStartsTheWindowOnlyOnAModel() {
        List<Path> opened = new ArrayList<>();
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"open", AppPaths.bundledModel().toString()},
                new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), opened::add);
        assertEquals(0, code, err.toString());
        assertEquals(List.of(AppPaths.bundledModel()), opened);
        int bad = Cli.run(new String[] {"open", dir.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), opened::add);
        assertEquals(1, bad);
        assertEquals(1, opened.size(), "no window for a folder that is not a model");
        assertTrue(err.toString().contains("error:"), err.toString());
    }

    @Test
    void evalPrintsEncoderAndReconstructionMetrics() throws Exception {
        // Without the classifier (faster); the classifier metrics have their own tests.
        Run r = run("eval", "--no-classifier", "--pixel-baseline");
        assertEquals(0, r.code(), r.err());
        JsonObject json = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertTrue(json.get("one_nn_accuracy").getAsDouble() > 0.9, r.out());
        // MNIST's raw pixels under the same protocols: properties of the data, not of the model.
        assertEquals(0.9723, json.get("one_nn_accuracy_pixels").getAsDouble(), 0.0005, r.out());
        assertEquals(0.9236, json.get("linear_probe_accuracy_pixels").getAsDouble(), 0.0005, r.out());
        assertTrue(json.get("recon_mse").getAsDouble() < 0.05, r.out());
    }

    @Test
    void benchPrintsStepsPerSecond() {
        Run r = run("dev", "bench", "--steps", "3", "--warmup", "1", "--repeats", "1", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        JsonObject json = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertTrue(json.get("steps_per_s").getAsDouble() > 0);
        assertEquals(2.36, json.get("matmul_gflop_per_step").getAsDouble(), 0.01);
        assertEquals(2.81, json.get("reference_script_matmul_gflop_per_step").getAsDouble(), 0.01);
    }

    @Test
    void everyCommandAnswersHelp() {
        Run r = run("sample", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("--temperature"), r.out());
        assertEquals(0, run("fit-density", "--help").code());
    }

    @Test
    void developerCommandsStayOutOfTheUsersHelp() {
        Run main = run("--help");
        assertTrue(main.out().contains("train") && !main.out().contains("bench") && !main.out().contains("dev"),
                main.out());
        Run dev = run("dev", "--help");
        assertEquals(0, dev.code(), dev.err());
        assertTrue(dev.out().contains("bench") && dev.out().contains("ui-bench") && dev.out().contains("screenshots"),
                dev.out());
    }

    @Test
    void badUsageExitsWith2() {
        assertEquals(2, run("sample").code(), "missing --out");
        assertEquals(2, run("train", "--arch", "rnn", "--steps", "5", "--out", dir.resolve("x").toString()).code());
        assertEquals(2, run("frobnicate").code());
        Run betas = run("train", "--steps", "5", "--adam-betas", "0.5", "--out", dir.resolve("b").toString());
        assertEquals(2, betas.code());
        assertTrue(betas.err().contains("--adam-betas takes two numbers"), betas.err());
        Run high = run("train", "--steps", "5", "--adam-betas", "1,0.9", "--out", dir.resolve("b").toString());
        assertEquals(2, high.code());
        assertTrue(high.err().contains("Adam betas must be in [0, 1)"), high.err());
        assertEquals(2, run("train", "--steps", "5", "--encoder-only-from", "-1", "--out", dir.resolve("b").toString())
                .code());
        Run average = run("train", "--steps", "5", "--g-average", "1", "--out", dir.resolve("b").toString());
        assertEquals(2, average.code());
        assertTrue(average.err().contains("The decay of G's average must be"), average.err());
        Run never = run("train", "--steps", "5", "--log-every", "0", "--out", dir.resolve("z").toString());
        assertEquals(2, never.code(), "--log-every 0 used to crash with a division by zero");
        assertTrue(never.err().contains("must be at least 1"), never.err());
        Run hot = run("sample", "--temperature", "1.5", "--out", dir.resolve("t.png").toString());
        assertEquals(2, hot.code());
        assertTrue(hot.err().contains("--temperature must be above 0 and at most 1"), hot.err());
        assertEquals(2, run("eval", "--temperature", "0").code());
        assertEquals(2, run("interpolate", one.toString(), one.toString(), "--frames", "1", "--out", "x.png").code());
    }

    @Test
    void failuresExitWith1AndOneLineOnStderr() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image");
        Run r = run("encode", text.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: notes.txt: not a readable image"), r.err());
        assertEquals(1, r.err().trim().lines().count(), r.err());
        Run m = run("sample", "--model", dir.resolve("missing").toString(), "--out", dir.resolve("a.png").toString());
        assertEquals(1, m.code());
        assertTrue(m.err().contains("folder not found"), m.err());
        Run d = run("train", "--data", dir.resolve("nodata").toString(), "--steps", "5", "--out",
                dir.resolve("y").toString());
        assertEquals(1, d.code());
        assertTrue(d.err().contains("Data set not found"), d.err());
    }
}
