package org.latentlab.data;

/** Told as a data set's images are decoded: {@code done} of {@code total}, at most a few times a second. */
@FunctionalInterface
public interface LoadProgress {
    LoadProgress NONE = (done, total) -> {};

    void loaded(int done, int total);
}
