package org.latentlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentlab.engine.TorchThreads;
import org.latentlab.interop.ImportException;
import org.latentlab.interop.ImportManifest;
import org.latentlab.interop.TorchScriptImport;
import org.latentlab.latent.LatentPrior;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "import", description = "Makes a model folder of a generator trained elsewhere, saved as TorchScript"
        + " (torch.jit.trace or torch.jit.script, then .save()): the window and the commands open it like a model"
        + " trained here.")
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--generator", required = true, paramLabel = "G.pt",
            description = "TorchScript G: a float tensor [N, zdim] to images [N, C, H, W], C 1 or 3, H = W up to 256.")
    Path generator;
    @Option(names = "--encoder", paramLabel = "E.pt", description = "TorchScript E: images [N, C, H, W] (in G's"
            + " output range) to [N, zdim]. Without it, images are encoded by projection (gradient steps on z).")
    Path encoder;
    @Option(names = "--zdim", required = true, description = "Latent size: the number of values G takes per image.")
    int zdim;
    @Option(names = "--prior", defaultValue = "uniform", paramLabel = "uniform|normal",
            description = "What G was trained on: uniform U(-1, 1) or normal N(0, 1) (default ${DEFAULT-VALUE}).")
    String prior;
    @Option(names = "--output-range", defaultValue = "0,1", paramLabel = "0,1|-1,1",
            description = "The range of G's pixels: 0,1 (sigmoid) or -1,1 (tanh) (default ${DEFAULT-VALUE}).")
    String outputRange;
    @Option(names = "--data", paramLabel = "DIR", description = "A data set of G's kind ('mnist', an IDX folder or an"
            + " image folder): the explorer's directions, map and test images come from it.") String data;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The new model folder.") Path out;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TorchThreads.prepare(TorchThreads.trainingThreads());
        LatentPrior p;
        try {
            p = LatentPrior.parse(prior);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--prior must be uniform or normal, not '" + prior + "'");
        }
        float[] range = switch (outputRange.replace(" ", "")) {
            case "0,1" -> new float[] {0f, 1f};
            case "-1,1" -> new float[] {-1f, 1f};
            default -> throw new ParameterException(spec.commandLine(), "--output-range must be 0,1 or -1,1, not '"
                    + outputRange + "'");
        };
        String command = "latentlab " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        long t0 = System.nanoTime();
        ImportManifest m;
        try {
            m = TorchScriptImport.run(new TorchScriptImport.Request(generator, encoder, zdim, p, range[0], range[1],
                    out, command, data));
        } catch (ImportException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().printf("imported a generator of %d x %d %s images from z of %d (prior %s), %s,"
                + " in %.1f s, to %s%n", m.imageSize(), m.imageSize(), m.channels() == 1 ? "gray" : "RGB", m.zdim(),
                p.describe(), m.hasEncoder() ? "with its encoder" : "encoding by projection",
                (System.nanoTime() - t0) / 1e9, out);
        return 0;
    }
}
