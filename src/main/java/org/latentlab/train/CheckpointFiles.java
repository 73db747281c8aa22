package org.latentlab.train;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The file handling under {@link Checkpoints}: durable streamed writes, hashes, atomic commits. */
final class CheckpointFiles {
    /** The largest piece handed to a file channel at once. */
    static final int SLICE = 1 << 16;

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
        try (FileChannel ch = FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
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
                java.util.Objects.checkFromIndexSize(off, len, b.length);
                for (int done = 0; done < len; done += SLICE) {
                    out.write(b, off + done, Math.min(SLICE, len - done));
                }
            }
        };
    }

    /** A file's bytes, read in slices for the same reason as {@link #sliced}. */
    static byte[] readAll(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(file.getFileName() + " is too large (" + size + " bytes)");
            }
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
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
