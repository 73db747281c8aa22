package org.latentlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.interop.TorchScriptImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Starts the window on a model; the folder is checked first, so a wrong path fails here, in words. */
@Command(name = "open", description = "Opens the window on a model (a checkpoint, a training run's or an imported"
        + " generator's folder)."
        + " 'latentlab --model DIR' does the same.")
final class OpenCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The model to explore.") Path model;
    private final Cli.WindowLauncher window;

    OpenCommand(Cli.WindowLauncher window) {
        this.window = window;
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Checkpoints.resolve(model);
        if (TorchScriptImport.isImported(dir)) {
            TorchScriptImport.read(dir); // a damaged import is refused before any window opens
        } else {
            Checkpoints.readManifest(dir); // a folder that is not a model is refused before any window opens
        }
        window.open(model);
        return 0;
    }
}
