package org.latentlab.engine;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.data.DataDescription;
import org.latentlab.data.EvaluationData;
import org.latentlab.data.ImageDataset;
import org.latentlab.eval.ClassifierChoice;
import org.latentlab.eval.EvaluationProgress;
import org.latentlab.eval.ModelEvaluator;
import org.latentlab.latent.GaussianMixture;

/**
 * One evaluation for the window: a copy of the model (the evaluation thread owns and closes it),
 * its data's training and test images, what the engine knew of the model, and the data's cache
 * (for the raw-pixel floor, measured once per data set).
 */
record Evaluation(LatentModel model, EvaluationData data, ModelInfo info, DataCache cache) {
    /**
     * The metrics of the copied model, with the classifier of its own data set (or the reason
     * there is none) and the raw-pixel 1-NN floor measured on the same split.
     */
    Map<String, Object> run(EvaluationProgress progress) throws IOException {
        ImageDataset train = data.train();
        ImageDataset test = data.test();
        var choice = ClassifierChoice.find(null, info.source(), data.describe(info.data()));
        try (LatentModel copy = model) {
            Map<String, Object> out = new LinkedHashMap<>(copy.evaluate(train, test, choice.dir(), 0,
                    GaussianMixture.DEFAULT_TEMPERATURE, progress));
            progress.stage("The raw-pixel floor (measured once per data set)", ModelEvaluator.STAGES,
                    ModelEvaluator.STAGES);
            out.put("one_nn_accuracy_pixels", cache.pixelFloor(data));
            out.put("class_names", DataDescription.namesOf(test.classNames(), info.classNames()));
            if (choice.refusal() != null) {
                out.put("classifier_note", choice.refusal());
            }
            return out;
        }
    }
}
