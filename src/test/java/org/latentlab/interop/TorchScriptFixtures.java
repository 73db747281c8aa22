package org.latentlab.interop;

import java.io.IOException;
import java.nio.file.Path;
import org.latentlab.latent.LatentPrior;

/** The TorchScript generators of tools/make_torchscript_fixtures.py, imported for a test. */
public final class TorchScriptFixtures {
    public static final Path DIR = Path.of("src", "test", "resources", "torchscript");

    private TorchScriptFixtures() {}

    /** The 12 px gray generator (z 6, U(-1, 1), pixels 0..1) without its encoder, with {@code data} (or none). */
    public static Path importGray(Path out, String data) throws IOException, ImportException {
        TorchScriptImport.run(new TorchScriptImport.Request(DIR.resolve("gray-uniform-g.pt"), null, 6,
                LatentPrior.UNIFORM, 0f, 1f, out, "test", data));
        return out;
    }

    /** The 16 px RGB generator (z 8, N(0, 1), pixels -1..1), no encoder, no data. */
    public static Path importRgbNormal(Path out) throws IOException, ImportException {
        TorchScriptImport.run(new TorchScriptImport.Request(DIR.resolve("rgb-normal-g.pt"), null, 8,
                LatentPrior.NORMAL, -1f, 1f, out, "test", null));
        return out;
    }
}
