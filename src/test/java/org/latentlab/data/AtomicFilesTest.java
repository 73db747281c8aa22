package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir Path dir;

    private List<Path> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void replacesTheFileWholeAndLeavesNothingBeside() throws IOException {
        Path file = dir.resolve("session.json");
        Files.writeString(file, "old");
        AtomicFiles.replace(file, tmp -> Files.writeString(tmp, "new"));
        assertEquals("new", Files.readString(file));
        assertEquals(List.of(file), files());
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws IOException {
        Path file = dir.resolve("walk.gif");
        Files.writeString(file, "old");
        assertThrows(IOException.class, () -> AtomicFiles.replace(file, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), files());
    }

    @Test
    void aFileSystemWithoutAtomicRenameStillGetsTheFile() throws IOException {
        Path file = dir.resolve("directions.json");
        Files.writeString(file, "old");
        AtomicFiles.replace(file, tmp -> Files.writeString(tmp, "new"), (from, to, options) -> {
            if (Arrays.asList(options).contains(StandardCopyOption.ATOMIC_MOVE)) {
                throw new AtomicMoveNotSupportedException(from.toString(), to.toString(), "not here");
            }
            Files.move(from, to, options);
        });
        assertEquals("new", Files.readString(file));
        assertEquals(List.of(file), files());
    }
}
