package org.latentlab.interop;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.model.BiGan;

/**
 * The PyTorch state-dict name of every weight of G, E and D: the path of child indices (in a
 * sequential block) or names (elsewhere), then the parameter as torch.nn calls it. So G's first
 * batch norm scale, DJL's {@code 02BatchNorm_gamma}, is {@code generator.1.weight}: the
 * modules that {@code tools/latentlab_torch.py} builds have the same children in the same order.
 */
public final class TorchNames {
    private static final Map<String, String> PARAMETERS = Map.of("weight", "weight", "bias", "bias", "gamma",
            "weight", "beta", "bias", "runningMean", "running_mean", "runningVar", "running_var");

    private TorchNames() {}

    /** Every parameter of the model, in the order of the networks and their layers. */
    public static Map<String, Parameter> of(BiGan model) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        walk("generator", model.generator(), out);
        walk("encoder", model.encoder(), out);
        walk("discriminator", model.discriminator(), out);
        return out;
    }

    /**
     * The name of a normalised weight's u vector (spectral normalisation in D), as PyTorch's
     * {@code torch.nn.utils.spectral_norm} names it: {@code discriminator.joint.1.weight_u}.
     */
    public static String spectralVector(String weightName) {
        return weightName + "_u";
    }

    private static void walk(String path, Block block, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            String torch = PARAMETERS.get(p.getKey());
            if (torch == null) {
                throw new IllegalStateException("No PyTorch name for " + path + "'s parameter " + p.getKey());
            }
            out.put(path + "." + torch, p.getValue());
        }
        int index = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            // DJL names children "01Linear", "02joint", ...: the position in a sequence, else the name.
            String name = block instanceof SequentialBlock ? Integer.toString(index) : child.getKey().substring(2);
            walk(path + "." + name, child.getValue(), out);
            index++;
        }
    }
}
