package org.latentlab.cli;

import java.nio.file.Path;
import org.latentlab.AppPaths;
import picocli.CommandLine.Option;

/** The shared {@code --model} option: a checkpoint folder, by default the bundled MNIST model. */
final class ModelOption {
    @Option(names = "--model", paramLabel = "DIR",
            description = "A model folder: a checkpoint, a run folder or an imported generator (default: the bundled"
                    + " models/mnist-bigan).")
    Path model;

    Path path() {
        return model != null ? model : AppPaths.bundledModel();
    }
}
