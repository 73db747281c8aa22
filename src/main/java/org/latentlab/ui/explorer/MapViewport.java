package org.latentlab.ui.explorer;

/**
 * Where the map's points land on screen: the layout's bounds fitted into the map's square, then
 * zoomed about a point and panned. Zoom runs from 1 (everything in view) to {@link #MAX_ZOOM}.
 */
final class MapViewport {
    static final double MAX_ZOOM = 400;
    private final double width;
    private final double height;
    private final double pad;
    private float minX;
    private float minY;
    private float spanX = 1;
    private float spanY = 1;
    private double zoom = 1;
    private double offX;
    private double offY;

    /** A viewport {@code width} × {@code height}, keeping {@code pad} free on every side at zoom 1. */
    MapViewport(double width, double height, double pad) {
        this.width = width;
        this.height = height;
        this.pad = pad;
    }

    /** Fits points (2 floats each) into view, unzoomed. */
    void fit(float[] xy) {
        float loX = Float.MAX_VALUE;
        float hiX = -Float.MAX_VALUE;
        float loY = Float.MAX_VALUE;
        float hiY = -Float.MAX_VALUE;
        for (int i = 0; i < xy.length; i += 2) {
            loX = Math.min(loX, xy[i]);
            hiX = Math.max(hiX, xy[i]);
            loY = Math.min(loY, xy[i + 1]);
            hiY = Math.max(hiY, xy[i + 1]);
        }
        minX = loX;
        minY = loY;
        spanX = Math.max(1e-6f, hiX - loX);
        spanY = Math.max(1e-6f, hiY - loY);
        reset();
    }

    /** Everything in view again. */
    void reset() {
        zoom = 1;
        offX = 0;
        offY = 0;
    }

    double zoom() {
        return zoom;
    }

    double x(float x) {
        return (pad + (x - minX) / spanX * (width - 2 * pad)) * zoom + offX;
    }

    double y(float y) {
        return (pad + (y - minY) / spanY * (height - 2 * pad)) * zoom + offY;
    }

    /** Zooms by {@code factor} keeping the screen point ({@code cx}, {@code cy}) where it is. */
    void zoomAt(double factor, double cx, double cy) {
        double next = Math.max(1, Math.min(MAX_ZOOM, zoom * factor));
        double f = next / zoom;
        offX = cx - (cx - offX) * f;
        offY = cy - (cy - offY) * f;
        zoom = next;
        if (zoom == 1) {
            reset(); // all of it in view, where it began
        }
    }

    void pan(double dx, double dy) {
        offX += dx;
        offY += dy;
    }

    /** Every point's screen position, into {@code sx} and {@code sy}. */
    void place(float[] xy, float[] sx, float[] sy) {
        for (int i = 0; i < sx.length; i++) {
            sx[i] = (float) x(xy[2 * i]);
            sy[i] = (float) y(xy[2 * i + 1]);
        }
    }

    boolean inView(double sx, double sy) {
        return sx >= 0 && sy >= 0 && sx < width && sy < height;
    }
}
