package org.latentlab.ui.training;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * A "nice" axis for a data range: bounds and a tick spacing of 1, 2 or 5 times a power of ten
 * that enclose the data with about {@code target} ticks. Plain arithmetic, no JavaFX.
 */
record AxisTicks(double lower, double upper, double unit) {

    static AxisTicks enclosing(double min, double max, int target) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            return new AxisTicks(0, 1, 0.2);
        }
        if (max - min < 1e-9 * Math.max(1, Math.abs(max))) {
            // A flat line: give it a band around its value rather than a zero-height axis.
            double pad = Math.max(Math.abs(max) * 0.1, 1e-3);
            min -= pad;
            max += pad;
        }
        double rough = (max - min) / Math.max(1, target);
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double r = rough / magnitude;
        double unit = (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10) * magnitude;
        return new AxisTicks(Math.floor(min / unit) * unit, Math.ceil(max / unit) * unit, unit);
    }

    int count() {
        return (int) Math.round((upper - lower) / unit) + 1;
    }

    double tick(int i) {
        return lower + i * unit;
    }

    /** Labels with as many decimals as the spacing needs, and thousands separated (1,500). */
    DecimalFormat format() {
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(unit) + 1e-9));
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f;
    }

    /**
     * How many step ticks fit a plot this wide: one per 70 px (labels such as "1,200" need about
     * 40), 2 to 8. A fixed 8 ran the labels into each other ("8001,000") at 1024×700.
     */
    static int stepTicks(double plotWidth) {
        return (int) Math.max(2, Math.min(8, plotWidth / 70));
    }
}
