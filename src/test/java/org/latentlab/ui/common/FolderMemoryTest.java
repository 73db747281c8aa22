package org.latentlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File dialogs open where each kind was last used, in the next session too, else a folder that fits. */
class FolderMemoryTest {
    @TempDir Path dir;

    @Test
    void eachKindOpensWhereItWasLastUsedAcrossSessions() throws Exception {
        Path file = dir.resolve("config/folders.properties");
        Path images = Files.createDirectories(dir.resolve("pictures"));
        Path runs = Files.createDirectories(dir.resolve("runs"));
        FolderMemory memory = new FolderMemory(file);
        assertEquals(runs, memory.folderFor("model", runs), "nothing used yet: the fallback");
        memory.used("image", images.resolve("cat.png")); // a file: its folder is remembered
        memory.used("model", runs);
        FolderMemory next = new FolderMemory(file);
        assertEquals(images, next.folderFor("image", null));
        assertEquals(runs, next.folderFor("model", null));
        Files.delete(images);
        assertEquals(Path.of(System.getProperty("user.home")), next.folderFor("image", dir.resolve("gone")),
                "a folder that is gone is not offered; nor a fallback that is gone");
    }
}
