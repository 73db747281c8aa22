package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.GeneratedData;

/**
 * A density fitted with its own temperature ({@code fit-density --temperature}) is drawn at it by
 * sample and eval unless they are told another: the best temperature depends on the data.
 */
@Tag("slow")
class DensityTemperatureCliTest {
    @TempDir Path dir;

    @Test
    void sampleAndEvalDrawAtTheTemperatureStoredWithTheDensity() throws Exception {
        Path data = GeneratedData.idx(dir.resolve("shapes"), 600, 150);
        Path model = dir.resolve("run");
        assertEquals(0, CliTest.run("train", "--data", data.toString(), "--steps", "3", "--zdim", "4", "--hidden",
                "16", "--batch", "16", "--no-density", "--threads", "1", "--out", model.toString()).code());
        var fit = CliTest.run("fit-density", "--model", model.toString(), "--components", "2", "--max-codes", "100",
                "--temperature", "1");
        assertEquals(0, fit.code(), fit.err());
        assertTrue(fit.out().contains("drawn at temperature 1.0 by default"), fit.out());
        var sample = CliTest.run("sample", "--model", model.toString(), "--count", "4", "--out",
                dir.resolve("s.png").toString());
        assertTrue(sample.out().contains("density at temperature 1.0"), sample.out());
        assertEquals(1.0, drawnAt(CliTest.run("eval", "--model", model.toString(), "--no-classifier")));
        assertEquals(0.5, drawnAt(CliTest.run("eval", "--model", model.toString(), "--no-classifier",
                "--temperature", "0.5")));
        var cold = CliTest.run("fit-density", "--model", model.toString(), "--temperature", "0");
        assertEquals(2, cold.code());
        assertTrue(cold.err().contains("--temperature must be above 0 and at most 1"), cold.err());
    }

    private static double drawnAt(CliTest.Run eval) {
        assertEquals(0, eval.code(), eval.err());
        return JsonParser.parseString(eval.out().trim()).getAsJsonObject().get("density_temperature").getAsDouble();
    }
}
