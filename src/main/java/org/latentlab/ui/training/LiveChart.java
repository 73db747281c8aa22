package org.latentlab.ui.training;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A line chart of live training curves, drawn on one canvas. JavaFX's LineChart relaid its axes,
 * tick labels, legend and paths as nodes on every update: 10-50 ms of CSS and layout per update
 * with training on both cores of the build machine, the longest stalls of the window. Here an
 * update is one redraw of a few hundred line segments and a dozen labels. Hovering shows the
 * values at the step under the pointer. Non-finite values (a diverging run) break the line.
 */
public final class LiveChart extends Region {
    private static final Color[] COLORS = {Color.web("#5b8def"), Color.web("#f28e2b")};
    private static final Color PLOT = Color.web("#1e1f24");
    private static final Color GRID = Color.web("#33363e");
    private static final Color TEXT = Color.web("#c9cdd5");
    private static final Color CURSOR = Color.web("#ffb454");
    private static final double LEFT = 64;
    private static final double TOP = 8;
    private static final double RIGHT = 26; // room for the last step label, centred on the edge
    private static final double BOTTOM = 56;

    private final Canvas canvas = new Canvas();
    private final String yLabel;
    private final String[] names;
    private final List<List<float[]>> series = new ArrayList<>();
    private final Font font = Font.font(11);
    private final double[] legendWidths; // the names are fixed: measured once, not on every redraw
    private final DecimalFormat readoutSteps = new DecimalFormat("#,##0",
            DecimalFormatSymbols.getInstance(Locale.ROOT));
    private double hoverX = Double.NaN;
    private double stepCursor = Double.NaN;
    private double[] stepSpan = {Double.NaN, Double.NaN}; // see setStepSpan
    private ChartPlot plot; // the last one drawn, for clicks

    public LiveChart(String yLabel, String... names) {
        this.yLabel = yLabel;
        this.names = names.clone();
        this.legendWidths = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            series.add(List.of());
            legendWidths[i] = 17 + textWidth(names[i]) + 16; // line, gap, name, gap
        }
        getChildren().add(canvas);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(Double.NaN));
    }

    /** Replaces every series' points (one list per series, each point {step, value} in step order) and redraws. */
    public void setPoints(List<List<float[]>> perSeries) {
        if (perSeries.size() != names.length) {
            throw new IllegalArgumentException(names.length + " series expected, got " + perSeries.size());
        }
        for (int i = 0; i < names.length; i++) {
            series.set(i, List.copyOf(perSeries.get(i)));
        }
        draw();
    }

    /**
     * Steps the axis spans at least, whatever the points, from the next {@link #setPoints} on: the
     * training tab's charts share one step axis, so a series of few points (an opened run's
     * reconstruction error) sits where the losses do. NaN: the points' own steps.
     */
    public void setStepSpan(double first, double last) {
        stepSpan = new double[] {first, last};
    }

    public int pointCount(int i) {
        return series.get(i).size();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    @Override
    protected double computeMinWidth(double height) {
        return 120;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 100;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 520;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 230;
    }

    private void hover(double x) {
        hoverX = x;
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < LEFT + RIGHT + 20 || h < TOP + BOTTOM + 20) {
            return;
        }
        double[] steps = range(0);
        double[] values = range(1);
        ChartPlot p = new ChartPlot(LEFT, TOP, w - RIGHT, h - BOTTOM,
                AxisTicks.enclosing(steps[0], steps[1], AxisTicks.stepTicks(w - LEFT - RIGHT)),
                AxisTicks.enclosing(values[0], values[1], 5));
        g.setFont(font);
        g.setFill(PLOT);
        g.fillRect(p.left(), p.top(), p.right() - p.left(), p.bottom() - p.top());
        drawAxes(g, p);
        g.setLineWidth(1.6);
        for (int i = 0; i < series.size(); i++) {
            g.setStroke(COLORS[i % COLORS.length]);
            strokeSeries(g, p, series.get(i));
        }
        drawLegend(g, w, h);
        plot = p;
        double cursor = Double.isNaN(stepCursor) ? Double.NaN : p.px(stepCursor);
        if (hoverX >= p.left() && hoverX <= p.right()) {
            drawReadout(g, p, hoverX, TEXT.deriveColor(0, 1, 1, 0.5));
        } else if (cursor >= p.left() && cursor <= p.right()) {
            drawReadout(g, p, cursor, CURSOR);
        }
    }

    /** Marks {@code step} (the training history's, where its grids are) with a line and its values; NaN: none. */
    public void setStepCursor(double step) {
        stepCursor = step;
        draw();
    }

    public double stepCursor() {
        return stepCursor;
    }

    /** A click on the plot hands {@code chosen} the step under the pointer. */
    public void setOnStepChosen(DoubleConsumer chosen) {
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (plot != null && e.getX() >= plot.left() && e.getX() <= plot.right()) {
                chosen.accept(plot.step(e.getX()));
            }
        });
    }

    /** Grid lines, tick labels and the two axis titles. */
    private void drawAxes(GraphicsContext g, ChartPlot p) {
        g.setLineWidth(1);
        g.setStroke(GRID);
        g.setFill(TEXT);
        DecimalFormat fx = p.x().format();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < p.x().count(); i++) {
            double px = snap(p.px(p.x().tick(i)));
            g.strokeLine(px, p.top(), px, p.bottom());
            g.fillText(fx.format(p.x().tick(i)), px, p.bottom() + 4);
        }
        g.fillText("step", (p.left() + p.right()) / 2, p.bottom() + 19);
        DecimalFormat fy = p.y().format();
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < p.y().count(); i++) {
            double py = snap(p.py(p.y().tick(i)));
            g.strokeLine(p.left(), py, p.right(), py);
            g.fillText(fy.format(p.y().tick(i)), p.left() - 5, py);
        }
        g.save();
        g.translate(12, (p.top() + p.bottom()) / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(yLabel, 0, 0);
        g.restore();
    }

    private static void strokeSeries(GraphicsContext g, ChartPlot p, List<float[]> points) {
        if (points.size() == 1 && Float.isFinite(points.get(0)[1])) { // one step (an opened model's): a dot
            g.setFill(g.getStroke());
            g.fillOval(p.px(points.get(0)[0]) - 3, p.py(points.get(0)[1]) - 3, 6, 6);
            return;
        }
        boolean drawing = false;
        g.beginPath();
        for (float[] pt : points) {
            if (!Float.isFinite(pt[1])) {
                drawing = false; // a gap where the run produced NaN or infinity
                continue;
            }
            if (drawing) {
                g.lineTo(p.px(pt[0]), p.py(pt[1]));
            } else {
                g.moveTo(p.px(pt[0]), p.py(pt[1]));
                drawing = true;
            }
        }
        g.stroke();
    }

    private void drawLegend(GraphicsContext g, double w, double h) {
        double y = h - 12;
        double total = Arrays.stream(legendWidths).sum();
        double x = (LEFT + w - RIGHT - total) / 2;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < names.length; i++) {
            g.setStroke(COLORS[i % COLORS.length]);
            g.setLineWidth(2);
            g.strokeLine(x, y, x + 12, y);
            g.setFill(TEXT);
            g.fillText(names[i], x + 17, y);
            x += legendWidths[i];
        }
    }

    /** A vertical line at {@code x} (the pointer, or the history's step) and each series' value at the nearest step. */
    private void drawReadout(GraphicsContext g, ChartPlot p, double x, Color line) {
        double step = p.step(x);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < series.size(); i++) {
            float[] pt = SeriesStore.nearest(series.get(i), step);
            if (pt != null) {
                if (text.length() == 0) {
                    text.append("step ").append(readoutSteps.format(pt[0]));
                }
                text.append("   ").append(names[i]).append(' ').append(String.format(Locale.ROOT, "%.4g", pt[1]));
            }
        }
        if (text.length() == 0) {
            return;
        }
        g.setStroke(line);
        g.setLineWidth(1);
        g.strokeLine(snap(x), p.top(), snap(x), p.bottom());
        g.setFill(Color.rgb(20, 20, 24, 0.9));
        g.fillRect(p.left() + 4, p.top() + 4, Math.min(p.right() - p.left() - 8, textWidth(text.toString()) + 12), 20);
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text.toString(), p.left() + 10, p.top() + 14);
    }

    /**
     * {smallest, largest} of coordinate 0 (step, with the step span) or 1 (value) over every series'
     * finite points; NaNs if none.
     */
    private double[] range(int coordinate) {
        double lo = coordinate == 0 ? stepSpan[0] : Double.NaN;
        double hi = coordinate == 0 ? stepSpan[1] : Double.NaN;
        for (List<float[]> s : series) {
            for (float[] pt : s) {
                if (Float.isFinite(pt[1])) {
                    lo = !(pt[coordinate] >= lo) ? pt[coordinate] : lo;
                    hi = !(pt[coordinate] <= hi) ? pt[coordinate] : hi;
                }
            }
        }
        return new double[] {lo, hi};
    }

    private double textWidth(String s) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static double snap(double v) {
        return Math.floor(v) + 0.5; // a 1-px line on a pixel, not smeared over two
    }
}
