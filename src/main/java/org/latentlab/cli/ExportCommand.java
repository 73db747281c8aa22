package org.latentlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentlab.engine.TorchThreads;
import org.latentlab.checkpoint.Checkpoints;
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
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TorchThreads.prepare(1);
        var m = Checkpoints.export(Checkpoints.resolve(model), out);
        spec.commandLine().getOut().println("exported step " + m.step() + " to " + out);
        return 0;
    }
}
