package org.latentlab.data;

import java.io.IOException;
import java.nio.file.Path;

/** A data or image file that cannot be used, with a message a user can act on. */
public final class DataFormatException extends IOException {
    public DataFormatException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
    }

    public DataFormatException(String message) {
        super(message);
    }
}
