package org.latentlab.checkpoint;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** The file handling under {@link Checkpoints}: durable streamed writes, hashes, atomic commits. */
final class CheckpointFiles {
    /** The largest piece handed to a file channel at once. */
    static final int SLICE = 1 << 16;
    /**
     * The largest checkpoint file read: four times the weights and Adam state of the largest model
     * the window offers (a 64 px conv model's optimizer file is about 250 MB). A manifest that
     * names a bigger file is refused before a byte is read.
     */
    static final long MAX_FILE_BYTES = 1L << 30;
    /** File names a manifest may list: plain names in the checkpoint folder, no paths, no hidden files. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");

    private CheckpointFiles() {}

    /** What writes one file's content. */
    @FunctionalInterface
    interface Content {
        void writeTo(DataOutputStream out) throws IOException;
    }

    /**
     * Streams a file to disk through a SHA-256 digest and forces it to the device; returns the hash.
     * Streaming (rather than building the file in a byte array first) keeps tens of megabytes of
     * optimizer state from passing through the Java heap at every checkpoint, which grew the
     * process's resident memory once per run by about 100 MB.
     */
    static String writeDurably(Path dir, String name, Content content) throws IOException {
        MessageDigest digest = newSha256();
        try (FileChannel ch = FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new DigestOutputStream(sliced(Channels.newOutputStream(ch)), digest), SLICE));
            content.writeTo(out);
            out.flush();
            ch.force(true);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Passes writes on in pieces of at most {@link #SLICE} bytes. A channel copies each heap array
     * it is given into a temporary direct buffer of the same size, which the JDK then keeps cached
     * for the thread; DJL writes each weight as one array of up to a few megabytes. (One run each,
     * reference recipe: native memory outside the Java heap grew 13 MB at the first checkpoint
     * without slicing, 1 MB with it.)
     */
    static OutputStream sliced(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                for (int done = 0; done < len; done += SLICE) {
                    out.write(b, off + done, Math.min(SLICE, len - done));
                }
            }
        };
    }

    /** Whether {@code name} is a plain file name (no folder, no "..", not hidden). */
    static boolean isPlainName(String name) {
        return name != null && PLAIN_NAME.matcher(name).matches() && !name.contains("..");
    }

    /**
     * A file's bytes, read in slices for the same reason as {@link #sliced}. Only a regular file
     * (not a link, a FIFO that would block forever, or a device) of at most {@code maxBytes}.
     */
    static byte[] readAll(Path file, long maxBytes) throws IOException {
        requireRegular(file, maxBytes);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            long size = Files.size(file);
            byte[] bytes = new byte[(int) size];
            int done = 0;
            for (int n; done < bytes.length && (n = in.read(bytes, done, Math.min(SLICE, bytes.length - done))) > 0; ) {
                done += n;
            }
            if (done < bytes.length || in.read() != -1) {
                throw new IOException(file.getFileName() + " changed while it was read");
            }
            return bytes;
        }
    }

    /** Refuses anything but a regular file of at most {@code maxBytes}, without following links. */
    static void requireRegular(Path file, long maxBytes) throws IOException {
        var attrs = Files.readAttributes(file, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) {
            throw new IOException(file.getFileName() + " is not a plain file");
        }
        if (attrs.size() > Math.min(maxBytes, Integer.MAX_VALUE - 8)) {
            throw new IOException(file.getFileName() + " is too large (" + attrs.size() + " bytes)");
        }
    }

    /**
     * Forces a folder's entries (names created, renamed or removed in it) to the device: without
     * it a power cut after a rename can bring back the old name. Best effort where the platform
     * cannot open a folder (Windows).
     */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (UnsupportedOperationException | AccessDeniedException e) {
            // not supported here; the rename itself is still atomic
        }
    }

    /** Writes a small file durably and renames it over {@code target}: readers see the old or the new content. */
    static void replaceDurably(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp); // left by a crash
            writeDurably(dir, tmp.getFileName().toString(), out -> out.write(content));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Removes what interrupted saves left in {@code dir}: temporary checkpoint folders
     * ({@code .NAME.tmp-*}) and temporary files ({@code .NAME*.tmp}).
     */
    static void removeStaleTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && (n.contains(".tmp-") || n.endsWith(".tmp"))) {
                    deleteTree(p);
                }
            }
        }
    }

    /**
     * {@code from} again at {@code to}: a file as a hard link (a copy where links are not
     * possible), a folder as a new folder of the same, a symbolic link as a link.
     */
    static void linkTree(Path from, Path to) throws IOException {
        if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(to);
            try (var entries = Files.list(from)) {
                for (Path p : entries.toList()) {
                    linkTree(p, to.resolve(p.getFileName().toString()));
                }
            }
            return;
        }
        try {
            if (Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
                Files.createLink(to, from);
                return;
            }
        } catch (UnsupportedOperationException | IOException e) {
            // another file system, or no links here: copied below
        }
        Files.copy(from, to, LinkOption.NOFOLLOW_LINKS);
    }

    /** Where {@link #commit} parks the old checkpoint while the new one moves into place. */
    static Path previousOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".previous");
    }

    /** Moves the finished temporary folder into place; the old checkpoint survives until then. */
    static void commit(Path tmp, Path target) throws IOException {
        Path previous = previousOf(target);
        deleteTree(previous);
        if (Files.exists(target)) {
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.toAbsolutePath().getParent());
        deleteTree(previous);
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(dir);
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
