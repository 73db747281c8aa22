package org.latentlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.data.DataDescription;
import org.latentlab.data.DataSources;
import org.latentlab.data.MnistDataset;
import org.latentlab.engine.TorchThreads;
import org.latentlab.interop.TorchExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "export",
        description = "Writes a checkpoint without its optimizer state (a third of the size), for shipping; or, with "
                + "--format safetensors, for PyTorch (see tools/latentlab_torch.py).")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Checkpoint or run folder.") Path model;
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The new checkpoint folder (G, E, D and the density, without the optimizer state).")
    Path out;
    @Option(names = "--format", defaultValue = "latentlab", paramLabel = "FORMAT",
            description = "latentlab (a checkpoint) or safetensors (model.safetensors with G, E and D under PyTorch "
                    + "names, config.json and the fitted density; default ${DEFAULT-VALUE}).") String format;
    @Option(names = "--data", paramLabel = "DIR", description = "Record DIR as where the model's data live, for"
            + " a model that travels: it must hold the same images (checked by their fingerprint).") String data;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TorchThreads.prepare(1);
        if (format.equals("safetensors")) {
            if (data != null) {
                throw new ParameterException(spec.commandLine(), "--data applies to --format latentlab only");
            }
            var m = TorchExport.write(model, out);
            spec.commandLine().getOut().println("exported step " + m.step() + " for PyTorch to " + out
                    + " (load it with tools/latentlab_torch.py)");
            return 0;
        }
        if (!format.equals("latentlab")) {
            throw new ParameterException(spec.commandLine(), "--format must be latentlab or safetensors, not '"
                    + format + "'");
        }
        Path source = Checkpoints.resolve(model);
        DataDescription moved = null;
        if (data != null) {
            var recorded = Checkpoints.readManifest(source);
            var mc = recorded.model();
            moved = recorded.dataDescription().movedTo(data, DataSources.load(data, MnistDataset.Split.TRAIN,
                    mc.imageSize(), mc.channels()));
        }
        var m = Checkpoints.export(source, out, moved);
        spec.commandLine().getOut().println("exported step " + m.step() + " to " + out);
        return 0;
    }
}
