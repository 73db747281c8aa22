package org.latentlab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.checkpoint.Json;
import org.latentlab.data.DataDescription;
import org.latentlab.data.EvaluationData;
import org.latentlab.data.ImageDataset;
import org.latentlab.engine.InferenceModel;
import org.latentlab.engine.LatentModel;
import org.latentlab.engine.LatentModels;
import org.latentlab.engine.TorchThreads;
import org.latentlab.eval.ClassifierChoice;
import org.latentlab.eval.EvaluationProgress;
import org.latentlab.eval.ModelEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "eval", description = "Prints JSON with the encoder, reconstruction and sample metrics of a model.")
final class EvalCommand implements Callable<Integer> {
    @Mixin ModelOption model;
    @Option(names = "--data",
            description = "A labelled IDX data set (default: the one the model was trained on).") String data;
    @Option(names = "--classifier", paramLabel = "DIR",
            description = "Classifier of the model's data set for the sample scores (default: one found beside"
                    + " the model or in models/; see train-classifier).") Path classifier;
    @Option(names = "--no-classifier",
            description = "Only the encoder and reconstruction figures (faster).") boolean noClassifier;
    @Option(names = "--seed", defaultValue = "0",
            description = "Seed of the samples (default ${DEFAULT-VALUE}).") long seed;
    @Mixin TemperatureOption temperature;
    @Option(names = "--pixel-baseline",
            description = "Also the 1-NN accuracy and the linear probe of raw pixels, the references for the"
                    + " encoder's (MNIST: adds about 35 s).")
    boolean pixelBaseline;
    @Option(names = "--write-manifest",
            description = "Also store the metrics in the checkpoint's manifest.") boolean writeManifest;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        temperature.check(spec);
        TorchThreads.prepare(Runtime.getRuntime().availableProcessors());
        try (LatentModel m = LatentModels.open(model.path())) {
            var c = m.config();
            String dataSpec = data != null ? data : m.data().source();
            if (dataSpec.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "This imported generator came without a data set:"
                        + " give --data DIR (labelled images of its kind), or import it with --data");
            }
            if (writeManifest && !(m instanceof InferenceModel)) {
                throw new ParameterException(spec.commandLine(), "--write-manifest applies to checkpoints trained"
                        + " here, not to an imported generator");
            }
            EvaluationData split = EvaluationData.load(dataSpec, c.imageSize(), c.channels());
            DataDescription recorded = m.data().hasSource() ? m.data()
                    : DataDescription.implied(dataSpec, c.channels(), c.imageSize()); // --data for an imported G
            ImageDataset train = split.train();
            ImageDataset test = split.test();
            var choice = noClassifier ? new ClassifierChoice(null, null)
                    : ClassifierChoice.find(classifier, Checkpoints.resolve(model.path()),
                            split.describe(recorded));
            if (choice.refusal() != null) {
                spec.commandLine().getErr().println("note: " + choice.refusal());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", model.path().toString());
            if (m instanceof InferenceModel trained) {
                out.put("step", trained.manifest().step());
            }
            out.put("data", split.describe(recorded).name());
            if (choice.dir() != null) {
                out.put("classifier", choice.dir().toString());
            }
            out.putAll(m.evaluate(train, test, choice.dir(), seed, temperature.of(m),
                    EvaluationProgress.NONE));
            if (pixelBaseline) {
                out.putAll(ModelEvaluator.pixelFigures(train, test, EvaluationProgress.NONE));
            }
            if (writeManifest) {
                Map<String, Double> numbers = new LinkedHashMap<>();
                out.forEach((k, v) -> {
                    if (v instanceof Number n) {
                        numbers.put(k, n.doubleValue());
                    }
                });
                Path dir = Checkpoints.resolve(model.path());
                Checkpoints.rewriteManifest(dir, Checkpoints.readManifest(dir).withMetrics(numbers));
            }
            spec.commandLine().getOut().println(Json.COMPACT.toJson(out));
        }
        return 0;
    }
}
