package org.latentlab.ui.training;

import java.math.BigDecimal;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A number setting as the user types it: the text, the value it stands for and, while the text is
 * not a number, what is wrong with it. Typing a number sets the value at once; typing "abc" keeps
 * the last value and says so, instead of reverting the field without a word. A value set from
 * elsewhere (a loaded checkpoint's settings) shows as a person would type it: 1e-4, not
 * 9.999999747378752E-5.
 */
public final class NumberField {
    private final String name;
    private final boolean whole;
    private final Property<Number> value;
    private final StringProperty text = new SimpleStringProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean syncing;

    NumberField(String name, Property<Number> value, boolean whole) {
        this.name = name;
        this.value = value;
        this.whole = whole;
        text.set(format(value.getValue(), whole));
        text.addListener((o, was, now) -> {
            if (!syncing) {
                parse(now);
            }
        });
        value.addListener((o, was, now) -> {
            if (!syncing) {
                syncing = true;
                text.set(format(now, whole));
                error.set("");
                syncing = false;
            }
        });
    }

    /** What the field shows and the user edits. */
    public StringProperty textProperty() {
        return text;
    }

    /** Empty while the text is a number; else a sentence naming the setting. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    Property<Number> value() {
        return value;
    }

    public String name() {
        return name;
    }

    private void parse(String typed) {
        String s = typed == null ? "" : typed.strip();
        Number n; // not a ?: of Integer and Double, which unboxes both (and null throws)
        if (whole) {
            n = parseWhole(s);
        } else {
            n = parseDecimal(s);
        }
        if (n == null) {
            error.set(s.isEmpty() ? name + " needs a value."
                    : name + ": \"" + s + "\" is not " + (whole ? "a whole number." : "a number."));
            return;
        }
        error.set("");
        syncing = true;
        value.setValue(n);
        syncing = false;
    }

    private static Integer parseWhole(String s) {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseDecimal(String s) {
        try {
            double d = Double.parseDouble(s);
            // Java also reads "NaN", "Infinity", "1d" and hex floats; none is a setting a person types
            return Double.isFinite(d) && s.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?") ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 4, 0.2, 1e-4, 2.5e-4: the shortest plain form, with an exponent below 0.001. */
    static String format(Number n, boolean whole) {
        if (whole) {
            return Long.toString(n.longValue());
        }
        double d = n.doubleValue();
        if (d != 0 && Math.abs(d) < 1e-3) {
            BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
            int exponent = b.precision() - b.scale() - 1;
            String mantissa = b.movePointRight(-exponent).stripTrailingZeros().toPlainString();
            return mantissa + "e" + exponent;
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
