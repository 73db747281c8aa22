package org.latentlab.ui.explorer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import org.latentlab.ui.common.LatencyRecorder;

/**
 * The map's frame times for the benchmarks (`latentlab dev ui-bench`): one pan or zoom step a
 * pulse, as a drag or a wheel delivers them, timing the gaps between pulses (the frame time a
 * user sees) and the map's own repaint. Phases: a circular pan over all points, a zoom in to
 * thumbnails, a pan among the thumbnails, a zoom out.
 */
public final class MapFrameTimes {
    private static final int PAN_STEPS = 300;
    private static final double ZOOM_STEP = 1.06;
    private static final double THUMBNAIL_ZOOM = 60;

    private MapFrameTimes() {}

    /** Measures the map in {@code scene}'s explorer and hands the figures to {@code done} (on the FX thread). */
    public static void measure(Scene scene, Consumer<Map<String, Object>> done) {
        LatentMapView map = (LatentMapView) scene.lookup("#latent-map");
        Map<String, Object> out = new LinkedHashMap<>();
        String[] phases = {"pan", "zoom_in", "thumbnail_pan", "zoom_out"};
        LatencyRecorder[] frames = {new LatencyRecorder(), new LatencyRecorder(), new LatencyRecorder(),
            new LatencyRecorder()};
        LatencyRecorder[] paints = {new LatencyRecorder(), new LatencyRecorder(), new LatencyRecorder(),
            new LatencyRecorder()};
        new AnimationTimer() {
            private long last;
            private int phase;
            private int step;

            @Override
            public void handle(long now) {
                if (last != 0 && step > 0) {
                    frames[phase].record(now - last);
                    paints[phase].record((long) (map.lastPaintMillis() * 1e6));
                }
                last = now;
                if (!step(map, phase, step++)) {
                    phase++;
                    step = 0;
                    if (phase == phases.length) {
                        stop();
                        for (int p = 0; p < phases.length; p++) {
                            out.put("map_" + phases[p] + "_frame_ms_median", round(frames[p].quantile(0.5)));
                            out.put("map_" + phases[p] + "_frame_ms_p99", round(frames[p].quantile(0.99)));
                            out.put("map_" + phases[p] + "_paint_ms_p99", round(paints[p].quantile(0.99)));
                            out.put("map_" + phases[p] + "_frames", frames[p].count());
                        }
                        out.put("map_points", map.pointCount());
                        map.fit();
                        done.accept(out);
                    }
                }
            }
        }.start();
    }

    /** One step of {@code phase}; false when the phase is over. */
    private static boolean step(LatentMapView map, int phase, int step) {
        MapViewport view = map.viewport();
        double c = LatentMapView.SIZE / 2;
        switch (phase) {
            case 0, 2 -> {
                if (step >= PAN_STEPS) {
                    return false;
                }
                double a = 2 * Math.PI * step / 100;
                view.pan(3 * Math.cos(a), 3 * Math.sin(a));
            }
            case 1 -> {
                if (view.zoom() >= THUMBNAIL_ZOOM) {
                    return false;
                }
                view.zoomAt(ZOOM_STEP, map.firstPointX(), map.firstPointY());
            }
            default -> {
                if (view.zoom() <= 1) {
                    return false;
                }
                view.zoomAt(1 / ZOOM_STEP, c, c);
            }
        }
        map.repaint();
        return true;
    }

    /** Zooms the map in {@code scene} by {@code zoom} about its first point (the screenshot tour's thumbnails). */
    public static void zoomAtFirstPoint(Scene scene, double zoom) {
        LatentMapView map = (LatentMapView) scene.lookup("#latent-map");
        map.viewport().zoomAt(zoom, map.firstPointX(), map.firstPointY());
        map.repaint();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
