package org.latentlab.ui.encoder;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.Image;
import org.latentlab.model.ModelConfig;
import org.latentlab.ui.common.FxImages;

/**
 * How the encoder panel shows G(E(x)) beside x: the reconstruction itself, a wipe (x left of the
 * line, G(E(x)) right of it) or the difference |x - G(E(x))|, brightened so small errors show.
 */
public final class CompareViewModel {
    /** What the reconstruction's place shows. */
    public enum Mode {
        RECONSTRUCTION("G(E(x))"), WIPE("wipe x | G(E(x))"), DIFFERENCE("difference ×" + (int) DIFFERENCE_GAIN);

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** How much the difference view brightens |x - G(E(x))|: an error of 0.25 shows white. */
    static final float DIFFERENCE_GAIN = 4f;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.RECONSTRUCTION);
    private final DoubleProperty wipe = new SimpleDoubleProperty(0.5);
    private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>();
    private final int scale;
    private float[] input;
    private float[] reconstruction;
    private ModelConfig config;

    CompareViewModel(int scale) {
        this.scale = scale;
        mode.addListener(o -> redraw());
        wipe.addListener(o -> redraw());
    }

    /** A new x and G(E(x)) (CHW floats in [0, 1]) of a model of {@code c}. */
    void show(float[] x, float[] recon, ModelConfig c) {
        input = x;
        reconstruction = recon;
        config = c;
        redraw();
    }

    void clear() {
        input = reconstruction = null;
        image.set(null);
    }

    private void redraw() {
        if (input == null) {
            return;
        }
        image.set(FxImages.of(pixels(mode.get(), (float) wipe.get(), input, reconstruction, config),
                config.channels(), config.imageSize(), scale));
    }

    /** The shown image's pixels (CHW): for a wipe at {@code at}, columns left of at·size are x's. */
    static float[] pixels(Mode mode, float at, float[] x, float[] recon, ModelConfig c) {
        return switch (mode) {
            case RECONSTRUCTION -> recon;
            case WIPE -> wipe(at, x, recon, c.imageSize());
            case DIFFERENCE -> difference(x, recon, c.channels(), c.imageSize());
        };
    }

    private static float[] wipe(float at, float[] x, float[] recon, int size) {
        int split = Math.round(at * size);
        float[] out = new float[recon.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = i % size < split ? x[i] : recon[i]; // i % size: the column, in any row of any channel
        }
        return out;
    }

    /** |x - G(E(x))| averaged over the channels, brightened, as gray: the same value in every channel. */
    private static float[] difference(float[] x, float[] recon, int channels, int size) {
        int plane = size * size;
        float[] out = new float[recon.length];
        for (int p = 0; p < plane; p++) {
            float sum = 0;
            for (int ch = 0; ch < channels; ch++) {
                sum += Math.abs(x[ch * plane + p] - recon[ch * plane + p]);
            }
            float d = Math.min(1f, DIFFERENCE_GAIN * sum / channels);
            for (int ch = 0; ch < channels; ch++) {
                out[ch * plane + p] = d;
            }
        }
        return out;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** Where the wipe's line is: 0 (all G(E(x))) to 1 (all x). */
    public DoubleProperty wipeProperty() {
        return wipe;
    }

    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image.getReadOnlyProperty();
    }
}
