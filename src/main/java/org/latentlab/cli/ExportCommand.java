package org.latentlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.data.DataDescription;
import org.latentlab.data.DataSources;
import org.latentlab.data.MnistDataset;
import org.latentlab.engine.TorchThreads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export",
        description = "Writes a checkpoint without its optimizer state (a third of the size), for shipping.")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Checkpoint or run folder.") Path model;
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The new checkpoint folder (G, E, D and the density, without the optimizer state).")
    Path out;
    @Option(names = "--data", paramLabel = "DIR", description = "Record DIR as where the model's data live, for"
            + " a model that travels: it must hold the same images (checked by their fingerprint).") String data;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TorchThreads.prepare(1);
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
