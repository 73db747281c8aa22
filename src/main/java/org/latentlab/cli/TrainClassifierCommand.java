package org.latentlab.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentlab.AppPaths;
import org.latentlab.checkpoint.CheckpointException;
import org.latentlab.checkpoint.CheckpointManifest;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.data.DataDescription;
import org.latentlab.data.DataFormatException;
import org.latentlab.data.DataSources;
import org.latentlab.data.EvaluationData;
import org.latentlab.data.ImageDataset;
import org.latentlab.engine.TorchThreads;
import org.latentlab.eval.ClassifierChoice;
import org.latentlab.eval.ImageClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "train-classifier", description = {
    "Trains the classifier that eval and the Metrics tab use to judge a model's samples, for any labelled data"
            + " set (a small CNN).",
    "With --model it takes the model's data set and image size and saves into the model's run folder, where eval"
            + " finds it."})
final class TrainClassifierCommand implements Callable<Integer> {
    @Option(names = "--data", description = "'mnist', a labelled IDX folder, or an image folder with one subfolder"
            + " per class (default: the --model's data, else mnist).") String data;
    @Option(names = "--model", paramLabel = "DIR",
            description = "A model (checkpoint or run folder) whose data set and image size to use.") Path model;
    @Option(names = "--image-size", defaultValue = "28",
            description = "Image size for image folders (default ${DEFAULT-VALUE}; --model gives its own).")
    int imageSize;
    @Option(names = "--channels", defaultValue = "1",
            description = "1 (grayscale) or 3 (RGB) for image folders (--model gives its own).") int channels;
    @Option(names = "--epochs", defaultValue = "6", description = "Passes over the data (default ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--out", paramLabel = "DIR", description = "Where to save it (default: the --model's run folder's"
            + " 'classifier', or models/digit-classifier for MNIST).") Path out;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TorchThreads.prepare(Runtime.getRuntime().availableProcessors());
        CheckpointManifest manifest = model != null ? Checkpoints.readManifest(Checkpoints.resolve(model)) : null;
        String source = data != null ? data : manifest != null ? manifest.dataset() : DataSources.BUNDLED_MNIST;
        int size = manifest != null ? manifest.model().imageSize() : imageSize;
        int ch = manifest != null ? manifest.model().channels() : channels;
        EvaluationData split = EvaluationData.load(source, size, ch);
        ImageDataset all = split.all();
        if (!all.hasLabels()) {
            throw new DataFormatException("The data set " + source + " has no labels: a classifier needs an IDX"
                    + " folder with labels or an image folder with one subfolder per class.");
        }
        DataDescription description = DataDescription.of(source, all); // the whole set, as a model records it
        Path dir = outDir(description);
        var outw = spec.commandLine().getOut();
        try (NDManager manager = NDManager.newBaseManager();
                ImageClassifier c = new ImageClassifier(manager, description)) {
            c.train(split.train(), epochs, seed, e -> outw.println("epoch " + e + "/" + epochs));
            double acc = c.accuracy(split.test());
            c.save(dir, acc, "latentlab train-classifier --data " + source + " --image-size " + size + " --channels "
                    + ch + " --epochs " + epochs + " --seed " + seed);
            outw.printf("test accuracy %.4f on %d held-out images of %s, saved to %s%n", acc, split.test().count(),
                    description.name(), dir);
        }
        return 0;
    }

    private Path outDir(DataDescription description) throws CheckpointException {
        if (out != null) {
            return out;
        }
        if (model != null) {
            Path checkpoint = Checkpoints.resolve(model).toAbsolutePath();
            return checkpoint.getParent().resolve(ClassifierChoice.RUN_SUBFOLDER);
        }
        if (description.isMnist()) {
            return AppPaths.bundledClassifier();
        }
        throw new ParameterException(spec.commandLine(), "Say where to save the classifier: --out DIR (or --model DIR"
                + " to save it beside a model of these data).");
    }
}
