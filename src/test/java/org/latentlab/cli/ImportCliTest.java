package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.GeneratedData;
import org.latentlab.engine.ImportedModel;
import org.latentlab.engine.LatentModel;
import org.latentlab.engine.LatentModels;
import org.latentlab.latent.LatentPrior;

/**
 * Generators trained elsewhere, as TorchScript (tools/make_torchscript_fixtures.py): import checks
 * them against what was declared, and every command that makes sense works on them.
 */
class ImportCliTest {
    static final Path FIXTURES = Path.of("src", "test", "resources", "torchscript");
    @TempDir Path dir;

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    private Path importGray() {
        Path out = dir.resolve("gray");
        var r = run("import", "--generator", FIXTURES.resolve("gray-uniform-g.pt").toString(), "--encoder",
                FIXTURES.resolve("gray-uniform-e.pt").toString(), "--zdim", "6", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("12 x 12 gray images from z of 6 (prior U(-1, 1)), with its encoder"), r.out());
        return out;
    }

    private Path importRgbNormal() {
        Path out = dir.resolve("rgb");
        var r = run("import", "--generator", FIXTURES.resolve("rgb-normal-g.pt").toString(), "--zdim", "8", "--prior",
                "normal", "--output-range", "-1,1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("16 x 16 RGB images from z of 8 (prior N(0, 1)), encoding by projection"),
                r.out());
        return out;
    }

    @Test
    void aGrayGeneratorWithItsEncoderSamplesEncodesDecodesAndInterpolates() throws Exception {
        Path model = importGray();
        Path grid = dir.resolve("grid.png");
        var sample = run("sample", "--model", model.toString(), "--count", "4", "--scale", "1", "--out",
                grid.toString());
        assertEquals(0, sample.code(), sample.err());
        assertTrue(sample.out().contains("z from the prior U(-1, 1)"), sample.out());
        assertEquals(2 * (12 + 1) + 1, ImageIO.read(grid.toFile()).getWidth());
        Path picture = dir.resolve("bar.png");
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        img.setRGB(10, 5, 0xFFFFFF);
        ImageIO.write(img, "png", picture.toFile());
        var enc = run("encode", "--model", model.toString(), picture.toString());
        assertEquals(0, enc.code(), enc.err());
        JsonObject json = JsonParser.parseString(enc.out().trim()).getAsJsonObject();
        assertEquals(6, json.getAsJsonArray("z").size());
        Path z = dir.resolve("z.json");
        Files.writeString(z, enc.out().trim());
        assertEquals(0, run("decode", "--model", model.toString(), "--z", z.toString(), "--out",
                dir.resolve("x.png").toString()).code());
        assertEquals(0, run("interpolate", "--model", model.toString(), picture.toString(), picture.toString(),
                "--frames", "3", "--out", dir.resolve("strip.png").toString()).code());
    }

    /** Without an encoder, encoding is projection: it finds a z whose image is close to a drawn one. */
    @Test
    void aNormalPriorGeneratorWithoutEncoderEncodesByProjection() throws Exception {
        Path model = importRgbNormal();
        try (LatentModel m = LatentModels.open(model)) {
            assertEquals(LatentPrior.NORMAL, m.prior());
            float[] target = m.generate(LatentPrior.NORMAL.sample(3, 0, 1, 8));
            var projected = ((ImportedModel) m).project(target, 100, (t, e) -> true);
            assertTrue(projected.error() < projected.errors()[0] / 2, "steps lower the best draw's error: "
                    + projected.errors()[0] + " -> " + projected.error());
            for (float v : projected.z()) {
                assertTrue(Math.abs(v) <= 3f, "within ±3σ: " + v);
            }
            float[] two = new float[2 * target.length]; // projected together, each as if alone
            System.arraycopy(target, 0, two, 0, target.length);
            System.arraycopy(m.generate(LatentPrior.NORMAL.sample(4, 0, 1, 8)), 0, two, target.length,
                    target.length);
            float[] batch = m.encode(two, 2);
            for (int i = 0; i < 8; i++) {
                assertEquals(projected.z()[i], batch[i], 1e-4f, "row 0, value " + i);
            }
        }
        Path z = dir.resolve("z.json");
        Files.writeString(z, "[0, 0, 0, 0, 0, 0, 0, 2.5]");
        assertEquals(0, run("decode", "--model", model.toString(), "--z", z.toString(), "--out",
                dir.resolve("x.png").toString()).code(), "2.5 is inside a normal prior's ±3");
        Files.writeString(z, "[0, 0, 0, 0, 0, 0, 0, 3.5]");
        var outside = run("decode", "--model", model.toString(), "--z", z.toString(), "--out",
                dir.resolve("x.png").toString());
        assertTrue(outside.err().contains("outside the latent range [-3, 3]"), outside.err());
        var sample = run("sample", "--model", model.toString(), "--count", "4", "--out",
                dir.resolve("s.png").toString());
        assertTrue(sample.out().contains("z from the prior N(0, 1)"), sample.out());
    }

    @Test
    void aGeneratorThatDoesNotFitWhatWasDeclaredIsRefusedAtImportInWords() throws Exception {
        assertRefused("the declared output range 0,1: give --output-range -1,1", "rgb-normal-g.pt", "8");
        assertRefused("does not take z of shape (16, 5): is the latent size 5?", "rgb-normal-g.pt", "5");
        assertRefused("returns shape [16, 10] for 16 latent vectors", "flat-output-g.pt", "4");
        assertRefused("NaN or infinite pixels", "nan-output-g.pt", "4");
        Path text = Files.writeString(dir.resolve("notes.pt"), "not a model");
        var notTorch = run("import", "--generator", text.toString(), "--zdim", "4", "--out",
                dir.resolve("x").toString());
        assertEquals(1, notTorch.code());
        assertTrue(notTorch.err().contains("is not a TorchScript generator"), notTorch.err());
        var wrongEncoder = run("import", "--generator", FIXTURES.resolve("gray-uniform-g.pt").toString(), "--encoder",
                FIXTURES.resolve("rgb-normal-g.pt").toString(), "--zdim", "6", "--out", dir.resolve("y").toString());
        assertTrue(wrongEncoder.err().contains("The encoder does not take the generator's images"),
                wrongEncoder.err());
        assertTrue(!Files.exists(dir.resolve("x")) && !Files.exists(dir.resolve("y")), "nothing is written");
    }

    private void assertRefused(String words, String generator, String zdim) {
        var r = run("import", "--generator", FIXTURES.resolve(generator).toString(), "--zdim", zdim, "--out",
                dir.resolve("refused").toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains(words), r.err());
    }

    @Test
    void aDamagedImportIsAnErrorNotAWrongModel() throws Exception {
        Path model = importGray();
        var again = run("import", "--generator", FIXTURES.resolve("gray-uniform-g.pt").toString(), "--zdim", "6",
                "--out", model.toString());
        assertTrue(again.err().contains("already exists"), again.err());
        byte[] g = Files.readAllBytes(model.resolve("generator.pt"));
        g[g.length / 2] ^= 1;
        Files.write(model.resolve("generator.pt"), g);
        var damaged = run("sample", "--model", model.toString(), "--out", dir.resolve("s.png").toString());
        assertEquals(1, damaged.code());
        assertTrue(damaged.err().contains("generator.pt is missing or damaged"), damaged.err());
        var open = run("open", model.toString());
        assertEquals(1, open.code(), "refused before a window opens");
    }

    /** A data set named at import gives the imported generator its class names, directions and map. */
    @Test
    void aDataSetNamedAtImportTravelsWithTheModel() throws Exception {
        Path shapes = GeneratedData.folder(dir.resolve("shapes"), 20, 40, false);
        Path out = dir.resolve("with-data");
        var r = run("import", "--generator", FIXTURES.resolve("gray-uniform-g.pt").toString(), "--encoder",
                FIXTURES.resolve("gray-uniform-e.pt").toString(), "--zdim", "6", "--data", shapes.toString(), "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        try (LatentModel m = LatentModels.open(out)) {
            var data = ((ImportedModel) m).manifest().dataOrNone();
            assertEquals(GeneratedData.CLASSES.stream().sorted().toList(), data.classNames());
            assertTrue(data.hasSource());
        }
        var recon = run("reconstruct", "--model", out.toString(), "--count", "4", "--out",
                dir.resolve("pairs.png").toString());
        assertEquals(0, recon.code(), recon.err());
        var eval = run("eval", "--model", out.toString(), "--no-classifier");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("one_nn_accuracy") && eval.out().contains("recon_mse"), eval.out());
        Path colours = GeneratedData.folder(dir.resolve("colours"), 10, 40, true);
        var projected = run("eval", "--model", importRgbNormal().toString(), "--data", colours.toString(),
                "--no-classifier");
        assertEquals(0, projected.code(), projected.err());
        assertTrue(projected.out().contains("\"images_projected\":") && !projected.out().contains("one_nn"),
                "without an encoder: projection of the test images, no encoder figures: " + projected.out());
        var none = run("reconstruct", "--model", importGray().toString(), "--out", dir.resolve("p.png").toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("without a data set: give --data DIR"), none.err());
        Path idx = GeneratedData.idx(dir.resolve("idx"), 30, 10); // 28 px gray: not the RGB generator's 16 px
        var wrong = run("import", "--generator", FIXTURES.resolve("rgb-normal-g.pt").toString(), "--zdim", "8",
                "--output-range", "-1,1", "--data", idx.toString(), "--out", dir.resolve("wrong").toString());
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("cannot be used with this generator"), wrong.err());
    }
}
