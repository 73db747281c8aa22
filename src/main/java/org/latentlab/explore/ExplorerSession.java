package org.latentlab.explore;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.latentlab.latent.LatentDirections.Named;
import org.latentlab.latent.Walk;

/**
 * The explorer's state, to save and restore as one file ({@link SessionFile}): the model, the z
 * shown (slider values and direction amounts by name), the gallery, whose codes are also the
 * walk's keyframes, the directions the user defined, the walk's settings and where Randomize draws from.
 *
 * @param model the model's folder (absolute once read)
 * @param z the dimension sliders' values (before directions move them)
 * @param amounts each direction slider's amount by its name (zero ones may be left out)
 */
public record ExplorerSession(Path model, float[] z, Map<String, Double> amounts, List<float[]> gallery,
        List<Named> directions, Walk.Settings walk, boolean fromPrior, double temperature) {
    public ExplorerSession {
        amounts = Map.copyOf(amounts);
        gallery = List.copyOf(gallery);
        directions = List.copyOf(directions);
    }

    /** The latent size every vector of the session has. */
    public int zdim() {
        return z.length;
    }
}
