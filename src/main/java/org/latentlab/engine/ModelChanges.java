package org.latentlab.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's one stream of {@link ModelChange}s: subscribers, in order, with a rising revision. */
final class ModelChanges {
    private static final Logger LOG = LoggerFactory.getLogger(ModelChanges.class);
    private final List<Consumer<ModelChange>> subscribers = new CopyOnWriteArrayList<>();
    private long revision; // the model thread's only

    void subscribe(Consumer<ModelChange> listener) {
        subscribers.add(listener);
    }

    /** Model thread: tells every subscriber of the model now served. */
    void publish(ModelInfo info, boolean loaded) {
        ModelChange change = new ModelChange(info, ++revision, loaded);
        for (Consumer<ModelChange> s : subscribers) {
            try {
                s.accept(change);
            } catch (RuntimeException e) { // one subscriber's bug must not keep the others stale
                LOG.warn("A subscriber failed on model revision {}", change.revision(), e);
            }
        }
    }
}
