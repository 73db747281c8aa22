package org.latentlab.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The network family of a model's parts. */
public enum Architecture {
    /** Fully connected layers; the reference architecture of the speed benchmark. */
    MLP,
    /** DCGAN-style convolutions, for 28, 32 or 64 pixel images. */
    CONV,
    /** A generator (and perhaps an encoder) trained elsewhere and imported as TorchScript: explored, not trained. */
    TORCHSCRIPT;

    /** The architectures Latent Lab trains. */
    public static final List<Architecture> TRAINABLE = List.of(MLP, CONV);

    /** The name users type and read, and exports write: "mlp", "conv", "torchscript". */
    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The trainable architecture a user names ("mlp", "conv", in any case), or empty for any other name. */
    public static Optional<Architecture> trainable(String name) {
        return TRAINABLE.stream().filter(a -> a.userName().equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }
}
