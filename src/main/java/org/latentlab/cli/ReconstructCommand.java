package org.latentlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentlab.data.EvaluationData;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.ImageGrid;
import org.latentlab.data.Pixels;
import org.latentlab.engine.LatentModel;
import org.latentlab.engine.LatentModels;
import org.latentlab.engine.TorchThreads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "reconstruct", description = "Writes test images next to their reconstructions G(E(x)), in pairs.")
final class ReconstructCommand implements Callable<Integer> {
    @Mixin ModelOption model;
    @Option(names = "--data",
            description = "Images to reconstruct: an IDX folder's test split or an image folder's held-out tenth"
                    + " (default: the model's own data).") String data;
    @Option(names = "--count", defaultValue = "32", description = "Images (default ${DEFAULT-VALUE}).") int count;
    @Option(names = "--first", defaultValue = "0", description = "Index of the first test image.") int first;
    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "The grid of pairs to write.")
    Path out;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--count must be at least 1");
        }
        TorchThreads.prepare(TorchThreads.trainingThreads());
        try (LatentModel m = LatentModels.open(model.path())) {
            var c = m.config();
            String dataSpec = data != null ? data : m.data().source();
            if (dataSpec.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "This imported generator came"
                        + " without a data set: give --data DIR (images of its kind), or import it with --data");
            }
            ImageDataset test = EvaluationData.loadTest(dataSpec, c.imageSize(), c.channels());
            if (first < 0 || first >= test.count()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--first must be between 0 and " + (test.count() - 1) + ", not " + first);
            }
            int n = Math.min(count, test.count() - first);
            float[] x = new float[n * c.pixels()];
            for (int i = 0; i < n; i++) {
                test.copyImage(first + i, x, i * c.pixels());
            }
            float[] recon = m.generate(m.encode(x, n), n);
            float[] pairs = new float[2 * n * c.pixels()];
            for (int i = 0; i < n; i++) {
                System.arraycopy(x, i * c.pixels(), pairs, 2 * i * c.pixels(), c.pixels());
                System.arraycopy(recon, i * c.pixels(), pairs, (2 * i + 1) * c.pixels(), c.pixels());
            }
            ImageGrid.writePng(ImageGrid.tile(pairs, 2 * n, 8, c.channels(), c.imageSize(), 2), out);
            spec.commandLine().getOut().printf("wrote %d pairs (x | G(E(x))) to %s, MSE per pixel %.4f%n", n, out,
                    Pixels.meanSquaredError(x, recon));
        }
        return 0;
    }
}
