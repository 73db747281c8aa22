package org.latentlab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.checkpoint.CheckpointStore;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.data.DataFormatException;

/**
 * Other checkpoints of the loaded model's run, for comparing two steps on the same z: the run's
 * checkpoints listed, and the generators of up to {@link #KEPT} of them loaded and kept. Model
 * thread only, as the loaded model.
 */
final class OtherCheckpoints implements AutoCloseable {
    static final int KEPT = 2;
    private final Map<Path, LatentModel> loaded = new LinkedHashMap<>(4, 0.75f, true);

    /**
     * The checkpoints of the run {@code source} belongs to, oldest first; just {@code source} for a
     * checkpoint alone; none for a model without checkpoints (an imported generator).
     */
    static List<RunCheckpoint> of(Path source) throws IOException {
        Path own = Checkpoints.resolve(source).toAbsolutePath().normalize();
        List<RunCheckpoint> out = new ArrayList<>();
        if (!Files.isRegularFile(own.resolve(Checkpoints.MANIFEST))) {
            return out;
        }
        for (Path dir : CheckpointStore.checkpointsOf(own.getParent())) {
            out.add(new RunCheckpoint(Checkpoints.readManifest(dir).step(), dir));
        }
        if (out.stream().noneMatch(c -> c.dir().equals(own))) {
            out.add(new RunCheckpoint(Checkpoints.readManifest(own).step(), own));
        }
        return out;
    }

    /** G(z) of {@code checkpoint}'s generator; a latent size other than {@code zdim} is refused in words. */
    float[] generate(Path checkpoint, float[] z, int zdim) throws IOException {
        LatentModel m = loaded.get(checkpoint);
        if (m == null) {
            m = LatentModels.open(checkpoint);
            if (m.config().zdim() != zdim) {
                m.close();
                throw new DataFormatException(checkpoint.getFileName() + " has a latent size of " + m.config().zdim()
                        + ", this model " + zdim + ": they cannot draw the same z.");
            }
            loaded.put(checkpoint, m);
            if (loaded.size() > KEPT) {
                Path eldest = loaded.keySet().iterator().next();
                loaded.remove(eldest).close();
            }
        }
        return m.generate(z);
    }

    @Override
    public void close() {
        loaded.values().forEach(LatentModel::close);
        loaded.clear();
    }
}
