package org.latentlab.data;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Files replaced whole: animations, session and direction files, kept map layouts. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** What writes a file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    /** Moves a file: {@link Files#move}, or a stand-in in tests. */
    @FunctionalInterface
    interface Mover {
        void move(Path from, Path to, CopyOption... options) throws IOException;
    }

    /**
     * Writes {@code file} through a new file beside it, moved into place once complete: a reader
     * sees the old file or the whole new one, and a failed write leaves no part of either. The
     * new file is not Files.createTempFile's: that one is readable by its owner only, and the
     * file kept that after the move; this one has the permissions any new file of the user's has.
     */
    public static void replace(Path file, Content content) throws IOException {
        replace(file, content, (from, to, options) -> Files.move(from, to, options));
    }

    static void replace(Path file, Content content, Mover mover) throws IOException {
        Path dir = Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createFile(dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp"));
        try {
            content.writeTo(tmp);
            try {
                mover.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // Some network and FUSE file systems cannot rename atomically: a plain replace
                // still never leaves a half-written file under the name, only a moment without one.
                mover.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp); // only when the move did not happen
        }
    }
}
