package org.latentlab.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentlab.AppPaths;
import org.latentlab.data.DataSources;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.MnistDataset;
import org.latentlab.engine.TorchThreads;
import org.latentlab.eval.DigitClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train-classifier", description = "Trains the digit classifier used by eval (MNIST, CNN).")
final class TrainClassifierCommand implements Callable<Integer> {
    @Option(names = "--epochs", defaultValue = "6") int epochs;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--out", paramLabel = "DIR", description = "Default: models/digit-classifier.") Path out;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TorchThreads.prepare(Runtime.getRuntime().availableProcessors());
        ImageDataset train = DataSources.load("mnist", MnistDataset.Split.TRAIN, 28, 1);
        ImageDataset test = DataSources.load("mnist", MnistDataset.Split.TEST, 28, 1);
        var outw = spec.commandLine().getOut();
        try (NDManager manager = NDManager.newBaseManager(); DigitClassifier c = new DigitClassifier(manager)) {
            c.train(train, epochs, seed, e -> outw.println("epoch " + e + "/" + epochs));
            double acc = c.accuracy(test);
            Path dir = out != null ? out : AppPaths.bundledClassifier();
            c.save(dir, acc, "latentlab train-classifier --epochs " + epochs + " --seed " + seed);
            outw.printf("test accuracy %.4f, saved to %s%n", acc, dir);
        }
        return 0;
    }
}
