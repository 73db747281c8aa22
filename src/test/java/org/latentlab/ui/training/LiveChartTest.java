package org.latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.event.Event;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class LiveChartTest {
    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage(); // fonts and canvases need the toolkit; no scene is shown
    }

    @Test
    void ticksAreNiceNumbersThatEncloseTheData() {
        AxisTicks losses = AxisTicks.enclosing(0.03, 11.2, 5);
        assertEquals(0, losses.lower());
        assertEquals(12, losses.upper());
        assertEquals(2, losses.unit());
        assertEquals(7, losses.count());
        AxisTicks steps = AxisTicks.enclosing(1, 1500, 8);
        assertEquals(200, steps.unit());
        assertEquals(1600, steps.upper());
        assertEquals("1,600", steps.format().format(steps.upper()));
        AxisTicks small = AxisTicks.enclosing(0.012, 0.25, 5);
        assertEquals(0.05, small.unit(), 1e-12);
        assertEquals("0.25", small.format().format(0.25));
    }

    @Test
    void aFlatOrEmptySeriesStillGetsAnAxis() {
        AxisTicks flat = AxisTicks.enclosing(5, 5, 5);
        assertEquals(true, flat.lower() < 5 && flat.upper() > 5, flat.toString());
        assertEquals(new AxisTicks(0, 1, 0.2), AxisTicks.enclosing(Double.NaN, Double.NaN, 5));
    }

    @Test
    void theReadoutPicksThePointNearestThePointersStep() {
        List<float[]> points = List.of(new float[] {0, 1}, new float[] {100, 2}, new float[] {200, 3});
        assertArrayEquals(new float[] {100, 2}, SeriesStore.nearest(points, 120));
        assertArrayEquals(new float[] {200, 3}, SeriesStore.nearest(points, 160));
        assertArrayEquals(new float[] {0, 1}, SeriesStore.nearest(points, -50));
        assertArrayEquals(new float[] {200, 3}, SeriesStore.nearest(points, 900));
        assertNull(SeriesStore.nearest(List.of(), 5));
    }

    @Test
    void aDivergingRunDrawsWithoutFailing() throws Exception {
        LiveChart chart = new LiveChart("loss", "D loss", "G+E loss");
        WaitForAsyncUtils.asyncFx(() -> {
            chart.resize(600, 260);
            chart.layout();
            chart.setPoints(List.of(
                    List.of(new float[] {1, 0.7f}, new float[] {2, Float.NaN}, new float[] {3,
                            Float.POSITIVE_INFINITY}),
                    List.of(new float[] {1, 3f}, new float[] {2, 5f}, new float[] {3, 4f})));
        }).get();
        assertEquals(3, chart.pointCount(0));
        assertThrows(IllegalArgumentException.class, () -> chart.setPoints(List.of(List.of())));
    }

    /** A narrow chart gets fewer step ticks, so their labels do not run into each other. */
    @Test
    void aNarrowChartHasFewerStepTicks() {
        assertEquals(8, AxisTicks.stepTicks(900));
        assertEquals(3, AxisTicks.stepTicks(230));
        assertEquals(2, AxisTicks.stepTicks(60));
        AxisTicks narrow = AxisTicks.enclosing(0, 1600, AxisTicks.stepTicks(230));
        assertTrue(narrow.count() <= 5, "ticks: " + narrow.count());
    }

    /**
     * The tab's charts share one step axis: a single point at step 18,000 (an opened run's
     * reconstruction error, when its run kept none) sits at the right of 0–18,000, where the losses
     * end, not in the middle of an axis of its own (16,000–20,000 before).
     */
    @Test
    void aSharedStepSpanPutsALonePointWhereTheOtherChartsEnd() throws Exception {
        assertEquals(16_000, stepAtLeftEdge(Double.NaN), "its own axis: around the point");
        assertEquals(0, stepAtLeftEdge(0), "the shared one: from the losses' first step");
    }

    /** The step a click at the plot's left edge picks, with the chart spanning from {@code first} to 18,000. */
    private static double stepAtLeftEdge(double first) throws Exception {
        LiveChart chart = new LiveChart("reconstruction MSE", "x vs G(E(x))");
        List<Double> chosen = new ArrayList<>();
        chart.setOnStepChosen(chosen::add);
        WaitForAsyncUtils.asyncFx(() -> {
            chart.resize(600, 260);
            chart.layout();
            chart.setStepSpan(first, 18_000);
            chart.setPoints(List.of(List.of(new float[] {18_000, 0.011f})));
            Event.fireEvent(chart, new MouseEvent(MouseEvent.MOUSE_CLICKED, 64, 100, 64, 100, MouseButton.PRIMARY, 1,
                    false, false, false, false, true, false, false, false, false, true, null));
        }).get();
        return chosen.get(0);
    }
}
