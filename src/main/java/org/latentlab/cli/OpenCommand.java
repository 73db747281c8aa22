package org.latentlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.explore.SessionFile;
import org.latentlab.interop.TorchScriptImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Starts the window on a model; the folder is checked first, so a wrong path fails here, in words. */
@Command(name = "open", description = "Opens the window on a model (a checkpoint, a training run's or an imported"
        + " generator's folder), or restores a session saved from the window (File > Save session as)."
        + " 'latentlab --model DIR' does the same.")
final class OpenCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR|SESSION.json", description = "The model to explore, or a session"
            + " file.") Path model;
    private final Cli.WindowLauncher window;

    OpenCommand(Cli.WindowLauncher window) {
        this.window = window;
    }

    @Override
    public Integer call() throws Exception {
        // A damaged session, or one whose model is gone, is refused before any window opens.
        checkModel(SessionFile.isSession(model) ? SessionFile.read(model).model() : model);
        window.open(model);
        return 0;
    }

    private static void checkModel(Path model) throws Exception {
        Path dir = Checkpoints.resolve(model);
        if (TorchScriptImport.isImported(dir)) {
            TorchScriptImport.read(dir); // a damaged import is refused before any window opens
        } else {
            Checkpoints.readManifest(dir); // a folder that is not a model is refused before any window opens
        }
    }
}
