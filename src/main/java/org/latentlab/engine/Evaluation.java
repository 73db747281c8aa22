package org.latentlab.engine;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.data.DataDescription;
import org.latentlab.data.EvaluationData;
import org.latentlab.data.ImageDataset;
import org.latentlab.eval.ClassifierChoice;
import org.latentlab.eval.EvaluationProgress;
import org.latentlab.eval.Generative;
import org.latentlab.eval.ImageClassifier;
import org.latentlab.eval.ModelEvaluator;
import org.latentlab.latent.GaussianMixture;

/**
 * One evaluation for the window: a copy of the model (the evaluation thread owns and closes it),
 * its data's training and test images, what the engine knew of the model, and the data's cache
 * (for the raw pixels' figures, measured once per data set).
 */
record Evaluation(LatentModel model, EvaluationData data, ModelInfo info, DataCache cache) {
    /**
     * The metrics of the copied model, with the classifier of its own data set (or the reason
     * there is none) and the raw pixels' 1-NN and linear probe on the same split.
     */
    Map<String, Object> run(EvaluationProgress progress) throws IOException {
        ImageDataset train = data.train();
        ImageDataset test = data.test();
        var choice = ClassifierChoice.find(null, info.source(), data.describe(info.data()));
        try (LatentModel copy = model) {
            Map<String, Object> out = new LinkedHashMap<>(copy.evaluate(train, test, choice.dir(), 0,
                    copy.samplingTemperature(), progress));
            progress.stage("The raw pixels' figures (measured once per data set)", ModelEvaluator.STAGES,
                    ModelEvaluator.STAGES);
            out.putAll(cache.pixelFigures(data, progress));
            out.put("class_names", DataDescription.namesOf(test.classNames(), info.classNames()));
            if (choice.refusal() != null) {
                out.put("classifier_note", choice.refusal());
            }
            return out;
        }
    }

    /**
     * Every metric of {@link ModelEvaluator} for {@code model}; the classifier-based ones only if a
     * classifier is found in {@code classifierDir}. Samples from {@code density} (if any) are drawn
     * at {@code temperature}, which the figures list as {@code density_temperature}.
     */
    static Map<String, Object> measure(Generative model, GaussianMixture density, ImageDataset train,
            ImageDataset test, Path classifierDir, long seed, double temperature, EvaluationProgress progress,
            NDManager manager) throws IOException {
        GaussianMixture sampled = density == null ? null : density.tempered(temperature);
        Map<String, Object> out;
        if (classifierDir == null || !Files.isDirectory(classifierDir)) {
            out = ModelEvaluator.evaluate(model, sampled, train, test, null, seed, progress);
        } else {
            try (ImageClassifier classifier = ImageClassifier.load(classifierDir, manager)) {
                out = ModelEvaluator.evaluate(model, sampled, train, test, classifier, seed, progress);
                out.put("classifier_test_accuracy", classifier.manifest().testAccuracy());
            }
        }
        if (sampled != null) {
            out.put("density_temperature", temperature);
        }
        return out;
    }
}
