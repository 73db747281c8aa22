package org.latentlab.lab;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentlab.checkpoint.Json;
import org.latentlab.data.DataSources;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.MnistDataset;
import org.latentlab.engine.ImportedModel;
import org.latentlab.engine.LatentModel;
import org.latentlab.engine.LatentModels;
import org.latentlab.engine.TorchThreads;
import org.latentlab.eval.EncoderMetrics;
import org.latentlab.eval.ImageClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How well and how fast projection encodes (an imported generator without an encoder): test
 * images projected at each step count, their reconstruction error, whether a classifier still
 * sees their class in G(z), and the seconds per image; the model's encoder, if it has one, alongside.
 * With training images as well, the nearest-neighbour accuracy of each encoding's codes (cosine,
 * as {@code eval}'s, on these fewer images): whether codes found by projection sort classes better
 * than E's.
 */
@Command(name = "projection", description = "Measures encoding by projection on test images (JSON).")
final class ProjectionBenchCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "An imported generator.") Path model;
    @Option(names = "--encoder-model", paramLabel = "DIR",
            description = "A model with an encoder to compare with (the same generator imported with --encoder).")
    Path encoderModel;
    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "An IDX folder whose test split is projected.") String data;
    @Option(names = "--classifier", required = true, paramLabel = "DIR",
            description = "A classifier of those data (train-classifier).") Path classifier;
    @Option(names = "--count", defaultValue = "200", description = "Test images (default ${DEFAULT-VALUE}).")
    int count;
    @Option(names = "--train-count", defaultValue = "0",
            description = "Training images also encoded, for a 1-NN accuracy of each encoding (default "
                    + "${DEFAULT-VALUE}: none).")
    int trainCount;
    @Option(names = "--steps", defaultValue = "100,300", split = ",",
            description = "Step counts to measure (default ${DEFAULT-VALUE}).") int[] steps;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || trainCount < 0) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1 and --train-count at least 0");
        }
        TorchThreads.prepare(TorchThreads.trainingThreads());
        ImageDataset test = DataSources.load(data, MnistDataset.Split.TEST, 28, 1).head(count);
        ImageDataset train = trainCount == 0 ? null
                : DataSources.load(data, MnistDataset.Split.TRAIN, 28, 1).head(trainCount);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("images", test.count());
        try (NDManager m = NDManager.newBaseManager(); ImageClassifier clf = ImageClassifier.load(classifier, m)) {
            for (int s : steps) {
                try (LatentModel g = LatentModels.open(model, s)) {
                    out.put("projection_" + s, measure(g, test, train, clf));
                }
            }
            if (encoderModel != null) {
                try (LatentModel e = LatentModels.open(encoderModel, ImportedModel.PROJECTION_STEPS)) {
                    out.put("encoder", measure(e, test, train, clf));
                }
            }
        }
        spec.commandLine().getOut().println(Json.GSON.toJson(out));
        return 0;
    }

    private static Map<String, Object> measure(LatentModel g, ImageDataset test, ImageDataset train,
            ImageClassifier clf) {
        int n = test.count();
        float[] x = test.floats();
        long t0 = System.nanoTime();
        float[] codes = g.encode(x, n);
        float[] recon = g.generate(codes, n);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double se = 0;
        for (int i = 0; i < x.length; i++) {
            se += (recon[i] - x[i]) * (recon[i] - x[i]);
        }
        float[] probs = clf.run(recon, n).probabilities();
        int classes = clf.classes();
        int right = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                best = probs[i * classes + k] > probs[i * classes + best] ? k : best;
            }
            right += best == test.label(i) ? 1 : 0;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("recon_mse", Math.round(se / x.length * 1e5) / 1e5);
        r.put("recon_classifier_accuracy", Math.round(right * 1e4 / n) / 1e4);
        r.put("seconds_per_image", Math.round(seconds / n * 1e4) / 1e4);
        if (train != null) {
            float[] trainCodes = g.encode(train.floats(), train.count());
            r.put("one_nn_accuracy", Math.round(EncoderMetrics.oneNearestNeighbour(trainCodes, train.labels(), codes,
                    test.labels(), g.config().zdim()) * 1e4) / 1e4);
        }
        return r;
    }
}
