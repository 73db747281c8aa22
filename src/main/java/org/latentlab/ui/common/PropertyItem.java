package org.latentlab.ui.common;

import java.util.Optional;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/** A ControlsFX property-sheet row bound to a JavaFX property. */
public final class PropertyItem implements PropertySheet.Item {
    private final Property<?> property;
    private final Class<?> type;
    private final String category;
    private final String name;
    private final String description;

    public PropertyItem(Property<?> property, Class<?> type, String category, String name, String description) {
        this.property = property;
        this.type = type;
        this.category = category;
        this.name = name;
        this.description = description;
    }

    @Override
    public Class<?> getType() {
        return type;
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Object getValue() {
        Object v = property.getValue();
        if (type == Integer.class && v instanceof Number n) {
            return n.intValue();
        }
        if (type == Double.class && v instanceof Number n) {
            return n.doubleValue();
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    @Override
    public void setValue(Object value) {
        if (value == null) {
            return;
        }
        if (type == Integer.class || type == Double.class) {
            ((Property<Number>) property).setValue((Number) value);
        } else {
            ((Property<Object>) property).setValue(value);
        }
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.of(property);
    }
}
