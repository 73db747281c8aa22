package org.latentlab.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The map's lasso (Shift+drag) and the marks of the points in a direction's two groups, drawn on
 * a transparent canvas over the dots.
 */
final class MapLasso {
    static final Color GROUP_A = Color.web("#ffb454");
    static final Color GROUP_B = Color.web("#59c2ff");
    private final Canvas overlay;
    private final List<double[]> path = new ArrayList<>();

    MapLasso(Canvas overlay) {
        this.overlay = overlay;
        overlay.setMouseTransparent(true);
    }

    Canvas overlay() {
        return overlay;
    }

    boolean active() {
        return !path.isEmpty();
    }

    void start(double x, double y) {
        path.clear();
        path.add(new double[] {x, y});
    }

    void extend(double x, double y) {
        path.add(new double[] {x, y});
    }

    void cancel() {
        path.clear();
    }

    /** Ends the lasso: the points (of {@code count}, placed by {@code px}, {@code py}) inside it. */
    int[] finish(int count, IntToDoubleFunction px, IntToDoubleFunction py) {
        int[] rows = inside(path, count, px, py);
        path.clear();
        return rows;
    }

    /** Rings around the points of groups A and B, and the lasso being drawn. */
    void draw(Set<Integer> a, Set<Integer> b, IntToDoubleFunction px, IntToDoubleFunction py) {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        g.setLineWidth(1.2);
        ring(g, a, GROUP_A, px, py);
        ring(g, b, GROUP_B, px, py);
        if (path.size() > 1) {
            g.setStroke(Color.WHITE);
            g.beginPath();
            g.moveTo(path.get(0)[0], path.get(0)[1]);
            path.forEach(p -> g.lineTo(p[0], p[1]));
            g.stroke();
        }
    }

    private static void ring(GraphicsContext g, Set<Integer> rows, Color c, IntToDoubleFunction px,
            IntToDoubleFunction py) {
        g.setStroke(c);
        for (int r : rows) {
            g.strokeOval(px.applyAsDouble(r) - 3.5, py.applyAsDouble(r) - 3.5, 7, 7);
        }
    }

    /** The points inside the closed polygon {@code path} (even-odd rule). */
    static int[] inside(List<double[]> path, int count, IntToDoubleFunction px, IntToDoubleFunction py) {
        if (path.size() < 3) {
            return new int[0];
        }
        return IntStream.range(0, count)
                .filter(i -> contains(path, px.applyAsDouble(i), py.applyAsDouble(i))).toArray();
    }

    static boolean contains(List<double[]> path, double x, double y) {
        boolean in = false;
        for (int i = 0, j = path.size() - 1; i < path.size(); j = i++) {
            double[] p = path.get(i);
            double[] q = path.get(j);
            if ((p[1] > y) != (q[1] > y) && x < (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]) + p[0]) {
                in = !in;
            }
        }
        return in;
    }
}
