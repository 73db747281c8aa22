package org.latentlab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST layout), raw or gzipped, validating the header before allocating.
 *
 * <p>Only unsigned-byte data (type 0x08) is accepted: that is what image and label files use.
 */
public final class IdxReader {
    /** Refuse headers that would need more than this many bytes (1 GiB) before reading any data. */
    static final long MAX_ELEMENTS = 1L << 30;
    private static final int TYPE_UBYTE = 0x08;

    private IdxReader() {}

    /** An IDX array: its dimensions and its bytes in row-major order. */
    public record IdxArray(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }
    }

    public static IdxArray read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, "file not found");
        }
        boolean gzipped = isGzip(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                InputStream in = gzipped ? new GZIPInputStream(raw, 1 << 16) : raw) {
            return read(file, new DataInputStream(in), gzipped ? -1 : Files.size(file));
        } catch (ZipException e) {
            throw new DataFormatException(file, "corrupt gzip data (" + e.getMessage() + ")");
        } catch (EOFException e) {
            throw new DataFormatException(file, "file is truncated: it ends before the data its header announces");
        }
    }

    private static IdxArray read(Path file, DataInputStream in, long fileSize) throws IOException {
        int magic = in.readInt();
        int type = (magic >>> 8) & 0xFF;
        int ndim = magic & 0xFF;
        if ((magic >>> 16) != 0 || ndim < 1 || ndim > 4) {
            throw new DataFormatException(file, String.format("not an IDX file (magic number 0x%08X)", magic));
        }
        if (type != TYPE_UBYTE) {
            throw new DataFormatException(file,
                    String.format("unsupported IDX element type 0x%02X (only unsigned bytes)", type));
        }
        int[] dims = new int[ndim];
        long elements = 1;
        for (int i = 0; i < ndim; i++) {
            dims[i] = in.readInt();
            if (dims[i] < 0) {
                throw new DataFormatException(file, "negative dimension " + dims[i] + " in header");
            }
            elements *= dims[i];
            if (elements > MAX_ELEMENTS) {
                throw new DataFormatException(file,
                        "header announces an absurd size (over " + MAX_ELEMENTS + " bytes)");
            }
        }
        long headerSize = 4L + 4L * ndim;
        if (fileSize >= 0 && fileSize != headerSize + elements) {
            throw new DataFormatException(file, fileSize < headerSize + elements
                    ? "file is truncated: header announces " + elements + " data bytes but only "
                            + (fileSize - headerSize) + " are present"
                    : "file has " + (fileSize - headerSize - elements) + " unexpected bytes after the data");
        }
        byte[] data = new byte[(int) elements];
        in.readFully(data);
        if (fileSize < 0 && in.read() != -1) {
            throw new DataFormatException(file, "file has unexpected bytes after the data");
        }
        return new IdxArray(dims, data);
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }
}
