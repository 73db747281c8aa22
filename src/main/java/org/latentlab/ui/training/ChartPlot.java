package org.latentlab.ui.training;

/** The plot rectangle in canvas pixels and the data range it shows. */
record ChartPlot(double left, double top, double right, double bottom, AxisTicks x, AxisTicks y) {
    double px(double step) {
        return left + (step - x.lower()) / (x.upper() - x.lower()) * (right - left);
    }

    double step(double px) {
        return x.lower() + (px - left) / (right - left) * (x.upper() - x.lower());
    }

    double py(double value) {
        return bottom - (value - y.lower()) / (y.upper() - y.lower()) * (bottom - top);
    }
}
