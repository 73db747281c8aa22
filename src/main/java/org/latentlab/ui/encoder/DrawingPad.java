package org.latentlab.ui.encoder;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;

/** A black square to draw a digit on with the mouse, in white strokes like MNIST. */
final class DrawingPad extends Canvas {
    private boolean empty = true;

    DrawingPad(double size) {
        super(size, size);
        setId("drawing-pad");
        clear();
        setOnMousePressed(e -> {
            GraphicsContext g = getGraphicsContext2D();
            g.beginPath();
            g.moveTo(e.getX(), e.getY());
            g.stroke();
            empty = false;
        });
        setOnMouseDragged(e -> {
            GraphicsContext g = getGraphicsContext2D();
            g.lineTo(e.getX(), e.getY());
            g.stroke();
            empty = false;
        });
    }

    void clear() {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, getWidth(), getHeight());
        g.setStroke(Color.WHITE);
        g.setLineWidth(getWidth() / 12);
        g.setLineCap(StrokeLineCap.ROUND);
        empty = true;
    }

    boolean isEmpty() {
        return empty;
    }
}
