package org.latentlab.ui.explorer;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import javafx.collections.SetChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.latentlab.engine.LatentMap;
import org.latentlab.ui.common.FxImages;
import org.latentlab.ui.common.Palette;

/** The encoded test set on its first two principal components; hover shows the image, click loads it. */
final class LatentMapView extends Pane {
    static final double SIZE = 330;
    private static final double PAD = 8;
    static final int BACKGROUND = 0xff1e1f24;
    private final Canvas canvas = new Canvas(SIZE, SIZE);
    private final MapLasso lasso = new MapLasso(new Canvas(SIZE, SIZE));
    private final ImageView hoverImage = new ImageView();
    private final VBox hoverBox = new VBox(hoverImage);
    private final FlowPane legend = new FlowPane(10, 2);
    private final ExplorerViewModel vm;
    private LatentMap map;
    private float minX, maxX, minY, maxY;
    private int hovered = -1;

    LatentMapView(ExplorerViewModel vm) {
        this.vm = vm;
        setPrefSize(SIZE, SIZE);
        setMinSize(SIZE, SIZE);
        setMaxSize(SIZE, SIZE);
        hoverBox.getStyleClass().add("map-hover");
        hoverBox.setVisible(false);
        hoverBox.setMouseTransparent(true);
        legend.setId("map-legend");
        legend.getStyleClass().add("map-legend");
        legend.setMouseTransparent(true); // the dots under it still answer hover and click
        legend.setPrefWrapLength(SIZE - 12);
        Label pending = new Label(); // while the map is computed, or why there is none
        pending.setId("map-status");
        pending.textProperty().bind(vm.derivedStatusProperty());
        pending.setWrapText(true);
        pending.setMaxWidth(SIZE - 40);
        pending.relocate(20, SIZE / 2 - 30);
        pending.visibleProperty().bind(vm.mapProperty().isNull());
        pending.getStyleClass().add("caption");
        getChildren().addAll(canvas, lasso.overlay(), legend, hoverBox, pending);
        getStyleClass().add("latent-map");
        vm.mapProperty().addListener((obs, o, n) -> show(n));
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseExited(e -> hoverBox.setVisible(false));
        canvas.setOnMouseClicked(e -> {
            int i = nearest(e.getX(), e.getY());
            if (i >= 0 && e.isStillSincePress()) {
                if (e.isShiftDown()) { // one point into the lasso's group
                    maker().addMapPoints(maker().lassoGroupProperty().get(), new int[] {i}, map.codes());
                } else {
                    vm.loadTestImage(map.indices()[i]);
                }
            }
        });
        lassoEvents();
        show(vm.mapProperty().get());
    }

    private DirectionMaker maker() {
        return vm.directionMaker();
    }

    /** Shift+drag draws a lasso; the points inside go to the group chosen for it. Marks follow both groups. */
    private void lassoEvents() {
        canvas.setOnMousePressed(e -> {
            if (e.isShiftDown() && map != null) {
                lasso.start(e.getX(), e.getY());
            }
        });
        canvas.setOnMouseDragged(e -> {
            if (lasso.active()) {
                lasso.extend(e.getX(), e.getY());
                marks();
            }
        });
        canvas.setOnMouseReleased(e -> {
            if (!lasso.active()) {
                return;
            }
            if (e.isStillSincePress()) {
                lasso.cancel(); // a Shift+click: the click handler adds the point
            } else {
                int[] rows = lasso.finish(map.size(), r -> px(map.xy()[2 * r]), r -> py(map.xy()[2 * r + 1]));
                maker().addMapPoints(maker().lassoGroupProperty().get(), rows, map.codes());
            }
            marks();
        });
        SetChangeListener<Integer> redraw = c -> marks();
        maker().mapRows(DirectionMaker.Group.A).addListener(redraw);
        maker().mapRows(DirectionMaker.Group.B).addListener(redraw);
    }

    private void marks() {
        if (map != null) {
            lasso.draw(maker().mapRows(DirectionMaker.Group.A), maker().mapRows(DirectionMaker.Group.B),
                    r -> px(map.xy()[2 * r]), r -> py(map.xy()[2 * r + 1]));
        }
    }

    private void show(LatentMap m) {
        map = m;
        fillLegend(m);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.rgb(BACKGROUND >> 16 & 0xff, BACKGROUND >> 8 & 0xff, BACKGROUND & 0xff));
        g.fillRect(0, 0, SIZE, SIZE);
        if (m == null) {
            return; // the status label says why
        }
        bounds();
        // 5,000 canvas ovals took 103-109 ms to paint in the software pipeline (pulse logger), in
        // the first second after start-up while the sliders move; one image of dots takes 8-23 ms.
        int size = (int) SIZE;
        int[] argb = dotPixels(m, size, x -> px((float) x), y -> py((float) y));
        g.drawImage(FxImages.of(argb, size, size, 1), 0, 0);
        marks();
    }

    /**
     * The map's points as ARGB pixels of a {@code size} square: a 3x3 dot per point in its class
     * colour, blended over the background; {@code px} and {@code py} place a point in pixels.
     */
    static int[] dotPixels(LatentMap m, int size, DoubleUnaryOperator px, DoubleUnaryOperator py) {
        int[] argb = new int[size * size];
        Arrays.fill(argb, BACKGROUND);
        for (int i = 0; i < m.size(); i++) {
            int rgb = rgb(Palette.of(m.labels()[i]));
            int cx = (int) Math.round(px.applyAsDouble(m.xy()[2 * i]));
            int cy = (int) Math.round(py.applyAsDouble(m.xy()[2 * i + 1]));
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int x = cx + dx;
                    int y = cy + dy;
                    if (x >= 0 && y >= 0 && x < size && y < size) {
                        // Corners fainter, so a dot reads as round, as the 3-pixel ovals did.
                        argb[y * size + x] = blend(argb[y * size + x], rgb, dx != 0 && dy != 0 ? 0.35 : 0.75);
                    }
                }
            }
        }
        return argb;
    }

    static int rgb(Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** {@code alpha} of {@code rgb} over the opaque pixel {@code under}. */
    static int blend(int under, int rgb, double alpha) {
        int out = 0xff000000;
        for (int shift = 0; shift <= 16; shift += 8) {
            double mixed = alpha * (rgb >> shift & 0xff) + (1 - alpha) * (under >> shift & 0xff);
            out |= (int) Math.round(mixed) << shift;
        }
        return out;
    }

    /**
     * The class names with their colours, laid out by JavaFX in rows at the foot of the map: names
     * such as Fashion-MNIST's ("T-shirt/top", "Ankle boot") need more room than a digit, and text
     * measured outside a scene ran into the next entry.
     */
    private void fillLegend(LatentMap m) {
        legend.getChildren().clear();
        String[] names = m == null ? new String[0] : m.classNames();
        for (int c = 0; c < names.length; c++) {
            Label entry = new Label(names[c], new Circle(4, Palette.of(c)));
            entry.setMnemonicParsing(false);
            legend.getChildren().add(entry);
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        legend.resize(SIZE - 12, legend.prefHeight(SIZE - 12));
        legend.relocate(6, SIZE - legend.getHeight() - 4);
    }

    private void bounds() {
        minX = minY = Float.MAX_VALUE;
        maxX = maxY = -Float.MAX_VALUE;
        for (int i = 0; i < map.size(); i++) {
            minX = Math.min(minX, map.xy()[2 * i]);
            maxX = Math.max(maxX, map.xy()[2 * i]);
            minY = Math.min(minY, map.xy()[2 * i + 1]);
            maxY = Math.max(maxY, map.xy()[2 * i + 1]);
        }
    }

    private double px(float x) {
        return PAD + (x - minX) / Math.max(1e-6, maxX - minX) * (SIZE - 2 * PAD);
    }

    private double py(float y) {
        return PAD + (y - minY) / Math.max(1e-6, maxY - minY) * (SIZE - 2 * PAD - 14);
    }

    int nearest(double x, double y) {
        if (map == null) {
            return -1;
        }
        int best = -1;
        double bestD = 36; // within 6 pixels
        for (int i = 0; i < map.size(); i++) {
            double dx = px(map.xy()[2 * i]) - x;
            double dy = py(map.xy()[2 * i + 1]) - y;
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private void hover(MouseEvent e) {
        int i = nearest(e.getX(), e.getY());
        if (i < 0) {
            hoverBox.setVisible(false);
            hovered = -1;
            return;
        }
        hoverBox.relocate(Math.min(e.getX() + 12, SIZE - 90), Math.min(e.getY() + 12, SIZE - 100));
        if (i != hovered) {
            hovered = i;
            int index = map.indices()[i];
            vm.testImage(index, img -> {
                hoverImage.setImage(img);
                if (hoverBox.getChildren().size() == 1) {
                    hoverBox.getChildren().add(new Label());
                }
                int label = map.labels()[i];
                ((Label) hoverBox.getChildren().get(1)).setText("#" + index + (label >= 0 ? "  label "
                        + map.classNames()[label] : ""));
            });
        }
        hoverBox.setVisible(true);
    }
}
