package org.latentlab.ui.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.data.DataDescription;
import org.latentlab.engine.ModelInfo;
import org.latentlab.ui.DirectBackground;
import org.latentlab.ui.FakeEngine;

class MetricsViewModelTest {
    @Test
    void eachLatentSourceGetsItsOwnHistogramAndLabelledRows() {
        MetricsViewModel vm = new MetricsViewModel(null, new DirectBackground());
        double[] prior = {0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0};
        double[] fitted = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("one_nn_accuracy", 0.9692);
        m.put("classifier_score", 4.36);
        m.put("class_histogram", prior);
        m.put("classifier_score_fitted_density", 8.67);
        m.put("class_histogram_fitted_density", fitted);
        m.put("class_names", new String[] {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"});
        vm.show(m);
        assertEquals("a", vm.classNames().get(0), "the data's names name the bars");
        assertEquals(2, vm.histograms().size());
        assertEquals("z from the prior", vm.histograms().get(0).source());
        assertArrayEquals(prior, vm.histograms().get(0).shares());
        assertEquals("z from the fitted density", vm.histograms().get(1).source());
        assertEquals(3, vm.rows().size());
        assertEquals("96.92%", vm.rows().get(0).value());
        assertTrue(vm.rows().get(2).name().contains("fitted density"), vm.rows().get(2).name());
    }

    @Test
    void theSamplingTemperatureNamesTheFittedDensityInsteadOfARowOfItsOwn() {
        MetricsViewModel vm = new MetricsViewModel(null, new DirectBackground());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("classifier_score_fitted_density", 9.31);
        m.put("class_histogram_fitted_density", new double[10]);
        m.put("density_temperature", 0.7);
        vm.show(m);
        assertEquals(1, vm.rows().size());
        assertEquals("Classifier score of samples, z from the fitted density at temperature 0.7",
                vm.rows().get(0).name());
        assertEquals("z from the fitted density at temperature 0.7", vm.histograms().get(0).source());
    }

    /** Fashion-like figures are compared with what was measured on those data, never with MNIST's published ones. */
    @Test
    void aModelOfOtherDataIsComparedWithItsOwnDataAndNamesItsClasses() {
        MetricsViewModel vm = new MetricsViewModel(null, new DirectBackground());
        var mnist = new FakeEngine(false).info();
        var clothes = new DataDescription("/data/clothes", "clothes", 1, 28, 60000, List.of("shirt", "shoe", "bag"),
                "letterbox", "0123456789abcdef");
        vm.modelChanged(new ModelInfo(mnist.config(), mnist.train(), 5, clothes, null, Map.of(), true));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("one_nn_accuracy", 0.87);
        m.put("one_nn_accuracy_pixels", 0.858);
        m.put("linear_probe_accuracy", 0.851);
        m.put("linear_probe_accuracy_pixels", 0.8415);
        m.put("classifier_score", 2.5);
        m.put("classifier_score_test_set", 2.9);
        m.put("classifier_note", "none");
        m.put("class_names", new String[] {"shirt", "shoe", "bag"});
        vm.show(m);
        assertEquals(List.of("shirt", "shoe", "bag"), vm.classNames());
        String nn = vm.rows().get(0).reference();
        assertTrue(nn.contains("raw pixels 85.80% on these data") && !nn.contains("BiGAN"), nn);
        String probe = vm.rows().get(2).reference();
        assertEquals("raw pixels 84.15% on these data", probe);
        String score = vm.rows().get(4).reference();
        assertTrue(score.contains("the real test set 2.90") && !score.contains("ALI"), score);
        assertTrue(vm.messageProperty().get().contains("none"), vm.messageProperty().get());
    }

    /** The evaluation reports its stages; Cancel stops it at the next one and says so. */
    @Test
    void theEvaluationShowsItsStagesAndCanBeCancelled() {
        FakeEngine engine = new FakeEngine(true);
        MetricsViewModel vm = new MetricsViewModel(engine, new DirectBackground());
        List<String> messages = new ArrayList<>();
        vm.messageProperty().addListener((o, a, b) -> messages.add(b));
        vm.evaluate();
        assertTrue(messages.contains("Stage 2 of 2: Samples…"), messages.toString());
        assertEquals(1.0, vm.progressProperty().get());
        assertEquals("Evaluated.", vm.messageProperty().get());
        engine.betweenEvaluationStages = vm::cancel;
        vm.evaluate();
        assertEquals("Evaluation cancelled.", vm.messageProperty().get());
        assertTrue(!vm.runningProperty().get());
    }

    /** One format for the figures: percentages for shares, three significant digits for the rest. */
    @Test
    void figuresReadInOneFormat() {
        assertEquals("0.182", MetricsViewModel.format("frechet_distance_train_vs_test", 0.1815));
        assertEquals("27.9", MetricsViewModel.format("frechet_distance_fitted_density", 27.8584));
        assertEquals("0.0111", MetricsViewModel.format("recon_mse", 0.0111));
        assertEquals("7.37", MetricsViewModel.format("classifier_score_test_set", 7.3711));
        assertEquals("81.13%", MetricsViewModel.format("classifier_score_fitted_density_fraction_of_test_set", 0.8113));
        assertEquals("5.26%", MetricsViewModel.format("smallest_class_share_fitted_density", 0.0526));
    }
}
