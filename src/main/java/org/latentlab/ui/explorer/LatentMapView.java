package org.latentlab.ui.explorer;

import javafx.application.Platform;
import javafx.collections.SetChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.latentlab.engine.LatentMap;

/**
 * The encoded test set laid out in 2-D (see {@link MapViewModel}). Scroll zooms about the
 * pointer, drag pans, double-click fits; at close zoom points become thumbnails. Hover shows a
 * point's image and label, click loads its z, Shift+drag lassoes points into a direction's group.
 */
final class LatentMapView extends Pane {
    static final double SIZE = 330;
    private static final double PAD = 8;
    private static final double LEGEND = 16; // room at the foot for the legend's first row
    private final Canvas canvas = new Canvas(SIZE, SIZE);
    private final WritableImage dots = new WritableImage((int) SIZE, (int) SIZE);
    private final int[] argb = new int[(int) (SIZE * SIZE)];
    private final MapLasso lasso = new MapLasso(new Canvas(SIZE, SIZE));
    private final MapViewport view = new MapViewport(SIZE, SIZE - LEGEND, PAD);
    private final ImageView hoverImage = new ImageView();
    private final Label hoverText = new Label();
    private final VBox hoverBox = new VBox(hoverImage, hoverText);
    private final MapLegend legend;
    private final MapThumbnails thumbnails;
    private final ExplorerViewModel vm;
    private LatentMap map;
    private int[] rgb = new int[0];
    private float[] sx = new float[0];
    private float[] sy = new float[0];
    private int hovered = -1;
    private double lastX;
    private double lastY;
    private boolean repaintAsked;
    private int thumbnailsShown;
    /** Milliseconds the last repaint took (for the frame-time benchmark). */
    private double lastPaintMillis;

    LatentMapView(ExplorerViewModel vm) {
        this.vm = vm;
        this.legend = new MapLegend();
        this.thumbnails = new MapThumbnails(vm.map(), this::repaintSoon);
        setPrefSize(SIZE, SIZE);
        setMinSize(SIZE, SIZE);
        setMaxSize(SIZE, SIZE);
        hoverBox.getStyleClass().add("map-hover");
        hoverBox.setVisible(false);
        hoverBox.setMouseTransparent(true);
        hoverText.setMnemonicParsing(false);
        hoverText.setId("map-hover-text");
        Label pending = new Label(); // while the map is computed, or why there is none
        pending.setId("map-status");
        pending.textProperty().bind(vm.derivedStatusProperty());
        pending.setWrapText(true);
        pending.setMaxWidth(SIZE - 40);
        pending.relocate(20, SIZE / 2 - 30);
        pending.visibleProperty().bind(vm.mapProperty().isNull());
        pending.getStyleClass().add("caption");
        Label progress = new Label(); // a layout being computed over the map shown meanwhile
        progress.setId("map-progress");
        progress.textProperty().bind(vm.map().progressProperty());
        progress.visibleProperty().bind(vm.map().progressProperty().isNotEmpty());
        progress.getStyleClass().add("map-progress");
        progress.relocate(6, 4);
        getChildren().addAll(canvas, lasso.overlay(), legend, hoverBox, pending, progress);
        getStyleClass().add("latent-map");
        setId("latent-map");
        vm.mapProperty().addListener((obs, o, n) -> show(n));
        vm.map().colourDimProperty().addListener((obs, o, n) -> show(map));
        mouseEvents();
        SetChangeListener<Integer> marks = c -> marks();
        vm.directionMaker().mapRows(DirectionMaker.Group.A).addListener(marks);
        vm.directionMaker().mapRows(DirectionMaker.Group.B).addListener(marks);
        show(vm.mapProperty().get());
    }

    private void show(LatentMap m) {
        boolean sameLayout = map != null && m != null && map.xy() == m.xy();
        map = m;
        int dim = vm.map().colourDimProperty().get();
        MapColours.Result colours = m == null ? null : MapColours.of(m, dim); // the dots' and the legend's
        legend.show(m, colours, dim);
        if (m == null) {
            rgb = new int[0];
            sx = new float[0];
            sy = new float[0];
        } else {
            rgb = colours.rgb();
            sx = new float[m.size()];
            sy = new float[m.size()];
            if (!sameLayout) {
                view.fit(m.xy());
            }
        }
        repaint();
    }

    /** Everything in view again (double-click, or the Fit button). */
    void fit() {
        view.reset();
        repaint();
    }

    /** Dots (or thumbnails at close zoom), then the groups' marks. */
    void repaint() {
        long start = System.nanoTime();
        repaintAsked = false;
        if (map != null) {
            view.place(map.xy(), sx, sy);
        }
        MapDots.paint(sx, sy, rgb, (int) SIZE, (int) SIZE, argb);
        dots.getPixelWriter().setPixels(0, 0, (int) SIZE, (int) SIZE, PixelFormat.getIntArgbPreInstance(), argb, 0,
                (int) SIZE);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.drawImage(dots, 0, 0);
        thumbnailsShown = map == null ? 0 : thumbnails.draw(g, map, sx, sy, rgb, view);
        marks();
        lastPaintMillis = (System.nanoTime() - start) / 1e6;
    }

    double lastPaintMillis() {
        return lastPaintMillis;
    }

    MapViewport viewport() {
        return view;
    }

    /** How many points the last repaint drew as thumbnails. */
    int thumbnailsShown() {
        return thumbnailsShown;
    }

    /** The map drawn last (null: none yet). */
    LatentMap shown() {
        return map;
    }

    int pointCount() {
        return sx.length;
    }

    /** Where the first point is on screen (the benchmark zooms in there). */
    double firstPointX() {
        return sx.length == 0 ? SIZE / 2 : sx[0];
    }

    double firstPointY() {
        return sy.length == 0 ? SIZE / 2 : sy[0];
    }

    /** One repaint for a burst of thumbnails arriving. */
    private void repaintSoon() {
        if (!repaintAsked) {
            repaintAsked = true;
            Platform.runLater(this::repaint);
        }
    }

    private void marks() {
        if (map != null) {
            lasso.draw(vm.directionMaker().mapRows(DirectionMaker.Group.A),
                    vm.directionMaker().mapRows(DirectionMaker.Group.B), r -> sx[r], r -> sy[r]);
        }
    }

    private DirectionMaker maker() {
        return vm.directionMaker();
    }

    private void mouseEvents() {
        canvas.setOnScroll(this::zoom);
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseExited(e -> hoverBox.setVisible(false));
        canvas.setOnMousePressed(e -> {
            lastX = e.getX();
            lastY = e.getY();
            if (e.isShiftDown() && map != null) {
                lasso.start(e.getX(), e.getY());
            }
        });
        canvas.setOnMouseDragged(e -> {
            if (lasso.active()) {
                lasso.extend(e.getX(), e.getY());
                marks();
            } else if (e.getButton() == MouseButton.PRIMARY && map != null) {
                hoverBox.setVisible(false);
                view.pan(e.getX() - lastX, e.getY() - lastY);
                lastX = e.getX();
                lastY = e.getY();
                repaint();
            }
        });
        canvas.setOnMouseReleased(this::released);
        canvas.setOnMouseClicked(this::clicked);
    }

    private void zoom(ScrollEvent e) {
        if (map != null && e.getDeltaY() != 0) {
            // deltaY is wheel notches times a platform's multiplier (40 on X11): 1.2x a notch everywhere
            double notches = e.getDeltaY() / (e.getMultiplierY() > 0 ? e.getMultiplierY() : 40);
            view.zoomAt(Math.pow(1.2, notches), e.getX(), e.getY());
            repaint();
            e.consume();
        }
    }

    private void released(MouseEvent e) {
        if (!lasso.active()) {
            return;
        }
        if (e.isStillSincePress()) {
            lasso.cancel(); // a Shift+click: the click handler adds the point
        } else {
            int[] rows = lasso.finish(map.size(), r -> sx[r], r -> sy[r]);
            maker().addMapPoints(maker().lassoGroupProperty().get(), rows, map);
        }
        marks();
    }

    private void clicked(MouseEvent e) {
        if (!e.isStillSincePress() || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (e.getClickCount() == 2) {
            fit();
            return;
        }
        int i = nearest(e.getX(), e.getY());
        if (i >= 0 && e.isShiftDown()) { // one point into the lasso's group
            maker().addMapPoints(maker().lassoGroupProperty().get(), new int[] {i}, map);
        } else if (i >= 0) {
            vm.map().loadTestImage(map.indices()[i]);
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        legend.resize(SIZE - 12, legend.prefHeight(SIZE - 12));
        legend.relocate(6, SIZE - legend.getHeight() - 4);
    }

    /** The point under (x, y): within 6 pixels, or within a thumbnail's half-width when zoomed in to them. */
    int nearest(double x, double y) {
        int best = -1;
        double bestD = view.zoom() > 4 ? MapThumbnails.SIZE * MapThumbnails.SIZE / 4 : 36;
        for (int i = 0; i < sx.length; i++) {
            double dx = sx[i] - x;
            double dy = sy[i] - y;
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
            int label = map.labels()[i];
            vm.map().testImage(index, 3, img -> {
                hoverImage.setImage(img);
                hoverText.setText("#" + index + (label >= 0 ? "  " + map.classNames()[label] : ""));
            });
        }
        hoverBox.setVisible(true);
    }
}
