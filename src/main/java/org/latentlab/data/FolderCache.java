package org.latentlab.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.latentlab.AppPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decoded image folders kept on disk, so a folder of pictures is decoded once per image size:
 * decoding thousands of JPEGs takes far longer than reading their pixels back. The key covers the
 * folder, the size, the channels and every file's name, length and modification time, so any
 * change to the folder decodes it afresh. A cache that cannot be read or written is skipped, with
 * a log line: it only ever saves time.
 */
final class FolderCache {
    private static final Logger LOG = LoggerFactory.getLogger(FolderCache.class);
    private static final int MAGIC = 0x4c4c4643; // "LLFC"
    private final Path dir;

    FolderCache(Path dir) {
        this.dir = dir;
    }

    /** The cache of the user: {@code folders} in {@link AppPaths#cacheDir()}, beside the kept maps. */
    static FolderCache forUser() {
        return new FolderCache(AppPaths.cacheDir().resolve("folders"));
    }

    /** The key of these files decoded at this size: a SHA-256 of what they are. */
    static String key(Path folder, List<Path> files, int size, int channels) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((folder.toAbsolutePath().normalize() + "\n" + size + "x" + channels + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (Path f : files) {
                sha.update((folder.relativize(f) + "\t" + Files.size(f) + "\t" + Files.getLastModifiedTime(f).toMillis()
                        + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data set stored under {@code key}, or null when there is none (or it cannot be read). */
    ImageDataset read(String key, String name) {
        Path file = dir.resolve(key + ".bin");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a folder cache");
            }
            int count = in.readInt();
            int channels = in.readInt();
            int size = in.readInt();
            String[] classes = new String[in.readInt()];
            for (int i = 0; i < classes.length; i++) {
                classes[i] = in.readUTF();
            }
            int[] labels = in.readBoolean() ? new int[count] : null;
            for (int i = 0; labels != null && i < count; i++) {
                labels[i] = in.readInt();
            }
            byte[] pixels = new byte[Math.multiplyExact(count, channels * size * size)];
            in.readFully(pixels);
            return new ImageDataset(name, count, channels, size, size, pixels, labels, classes);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the unreadable image cache {}: {}", file, e.getMessage());
            return null;
        }
    }

    /** Stores {@code d} under {@code key}: written to a temporary file, then moved into place. */
    void write(String key, ImageDataset d) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp),
                    1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(d.count());
                out.writeInt(d.channels());
                out.writeInt(d.height());
                out.writeInt(d.classNames().length);
                for (String c : d.classNames()) {
                    out.writeUTF(c);
                }
                out.writeBoolean(d.hasLabels());
                for (int i = 0; d.hasLabels() && i < d.count(); i++) {
                    out.writeInt(d.label(i));
                }
                out.write(d.pixels());
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, dir.resolve(key + ".bin"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not keep the decoded images in {}: {}", dir, e.getMessage());
        }
    }
}
