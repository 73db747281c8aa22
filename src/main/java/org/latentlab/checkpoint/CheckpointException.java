package org.latentlab.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/** A checkpoint that cannot be used, with a message a user can act on. */
public final class CheckpointException extends IOException {
    public CheckpointException(Path dir, String problem) {
        super("Checkpoint " + dir + ": " + problem);
    }

    public CheckpointException(Path dir, String problem, Throwable cause) {
        super("Checkpoint " + dir + ": " + problem, cause);
    }
}
