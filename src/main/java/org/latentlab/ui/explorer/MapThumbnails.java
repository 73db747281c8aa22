package org.latentlab.ui.explorer;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import org.latentlab.engine.LatentMap;

/**
 * At close zoom the map's points become thumbnails of their images: once at most {@link
 * #SHOW_AT_MOST} points are in view, each is drawn as its picture framed in its colour. Pictures
 * are asked of the engine once each and kept (the most recent {@link #KEPT}).
 */
final class MapThumbnails {
    static final int SHOW_AT_MOST = 150;
    static final double SIZE = 28;
    private static final int KEPT = 3000;
    private final MapViewModel vm;
    private final Runnable repaint;
    private final Set<Integer> asked = new HashSet<>();
    private final Map<Integer, Image> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Image> eldest) {
            return size() > KEPT;
        }
    };
    private float[] codesOf; // the codes the kept pictures belong to: another model's test set is another set

    MapThumbnails(MapViewModel vm, Runnable repaint) {
        this.vm = vm;
        this.repaint = repaint;
    }

    /** Draws the thumbnails if few enough points are in view; returns how many it drew (0 when zoomed out). */
    int draw(GraphicsContext g, LatentMap map, float[] sx, float[] sy, int[] rgb, MapViewport view) {
        if (map.codes() != codesOf) { // another analysis (or model): its pictures may be others
            kept.clear();
            asked.clear();
        }
        codesOf = map.codes();
        int inView = 0;
        for (int i = 0; i < sx.length && inView <= SHOW_AT_MOST; i++) {
            inView += view.inView(sx[i], sy[i]) ? 1 : 0;
        }
        if (inView > SHOW_AT_MOST) {
            return 0;
        }
        int drawn = 0;
        for (int i = 0; i < sx.length; i++) {
            if (view.inView(sx[i], sy[i])) {
                int index = map.indices()[i];
                Image picture = kept.get(index);
                if (picture == null) {
                    ask(index);
                    continue;
                }
                double x = sx[i] - SIZE / 2;
                double y = sy[i] - SIZE / 2;
                g.drawImage(picture, x, y, SIZE, SIZE);
                g.setStroke(Color.rgb(rgb[i] >> 16 & 0xff, rgb[i] >> 8 & 0xff, rgb[i] & 0xff));
                g.setLineWidth(1.5);
                g.strokeRect(x - 0.75, y - 0.75, SIZE + 1.5, SIZE + 1.5);
                drawn++;
            }
        }
        return drawn;
    }

    private void ask(int index) {
        if (asked.add(index)) {
            vm.testImage(index, 1, picture -> {
                asked.remove(index);
                kept.put(index, picture);
                repaint.run();
            });
        }
    }
}
