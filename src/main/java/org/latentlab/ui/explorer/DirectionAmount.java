package org.latentlab.ui.explorer;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.latentlab.engine.Direction;

/** A slider's amount along one discovered direction of the latent space. */
public final class DirectionAmount {
    private final Direction direction;
    private final DoubleProperty amount = new SimpleDoubleProperty(0);

    DirectionAmount(Direction direction) {
        this.direction = direction;
    }

    public String name() {
        return direction.name();
    }

    public String kind() {
        return direction.kind();
    }

    float[] vector() {
        return direction.vector();
    }

    public DoubleProperty amountProperty() {
        return amount;
    }
}
