package org.latentlab.ui.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.ui.DirectBackground;

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
        vm.show(m);
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
}
