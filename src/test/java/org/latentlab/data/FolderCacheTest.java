package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image folder is decoded once per size, read back from the cache after, and decoded again when it changes. */
class FolderCacheTest {
    @TempDir Path dir;

    private ImageDataset load(Path folder, FolderCache cache, List<int[]> reports) throws Exception {
        return ImageFolderDataset.load(folder, 16, 3, (done, total) -> reports.add(new int[] {done, total}), cache);
    }

    @Test
    void theSecondLoadComesFromTheCacheAndAChangedFolderIsDecodedAgain() throws Exception {
        Path folder = GeneratedData.folder(dir.resolve("shapes"), 4, 24, true);
        FolderCache cache = new FolderCache(dir.resolve("cache"));
        List<int[]> first = new ArrayList<>();
        ImageDataset decoded = load(folder, cache, first);
        assertArrayEquals(new int[] {12, 12}, first.get(first.size() - 1), "the end is reported");
        try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
            assertEquals(1, files.count());
        }
        List<int[]> second = new ArrayList<>();
        ImageDataset cached = load(folder, cache, second);
        assertEquals(1, second.size(), "no decoding: one report, all done");
        assertArrayEquals(decoded.pixels(), cached.pixels());
        assertArrayEquals(decoded.labels(), cached.labels());
        assertArrayEquals(decoded.classNames(), cached.classNames());

        Path changed = folder.resolve("bar/0.png");
        ImageIO.write(new BufferedImage(30, 30, BufferedImage.TYPE_INT_RGB), "png", changed.toFile());
        ImageDataset again = load(folder, cache, new ArrayList<>());
        assertFalse(Arrays.equals(decoded.pixels(), again.pixels()), "the changed picture is decoded");
    }

    @Test
    void anUnreadableCacheIsIgnored() throws Exception {
        Path folder = GeneratedData.folder(dir.resolve("shapes"), 2, 24, false);
        FolderCache cache = new FolderCache(dir.resolve("cache"));
        ImageDataset decoded = load(folder, cache, new ArrayList<>());
        try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
            Files.writeString(files.findFirst().orElseThrow(), "garbage");
        }
        assertArrayEquals(decoded.pixels(), load(folder, cache, new ArrayList<>()).pixels());
    }
}
