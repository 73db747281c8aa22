package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir Path dir;

    static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return b.toByteArray();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream g = new GZIPOutputStream(b)) {
            g.write(raw);
        }
        return b.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void readsRawAndGzippedFiles() throws IOException {
        byte[] data = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        byte[] raw = idx(0x0803, new int[] {3, 2, 2}, data);
        for (Path p : new Path[] {write("raw", raw), write("gz", gzip(raw))}) {
            IdxReader.IdxArray a = IdxReader.read(p);
            assertArrayEquals(new int[] {3, 2, 2}, a.dims());
            assertArrayEquals(data, a.data());
        }
    }

    @Test
    void rejectsWrongMagic() throws IOException {
        Path p = write("bad", idx(0x12345678, new int[] {1}, new byte[] {1}));
        String msg = assertThrows(DataFormatException.class, () -> IdxReader.read(p)).getMessage();
        assertTrue(msg.contains("bad") && msg.contains("not an IDX file"), msg);
    }

    @Test
    void rejectsTruncatedRawAndGzippedFiles() throws IOException {
        byte[] raw = idx(0x0803, new int[] {3, 2, 2}, new byte[12]);
        byte[] cut = Arrays.copyOf(raw, raw.length - 5);
        assertTrue(assertThrows(DataFormatException.class, () -> IdxReader.read(write("cut", cut)))
                .getMessage().contains("truncated"));
        assertTrue(assertThrows(DataFormatException.class, () -> IdxReader.read(write("cut.gz", gzip(cut))))
                .getMessage().contains("truncated"));
        byte[] gz = gzip(raw);
        byte[] brokenGz = Arrays.copyOf(gz, gz.length / 2);
        assertThrows(DataFormatException.class, () -> IdxReader.read(write("broken.gz", brokenGz)));
    }

    @Test
    void rejectsAbsurdHeaderWithoutAllocating() throws IOException {
        Path p = write("huge", idx(0x0803, new int[] {Integer.MAX_VALUE, 28, 28}, new byte[10]));
        String msg = assertThrows(DataFormatException.class, () -> IdxReader.read(p)).getMessage();
        assertTrue(msg.contains("absurd"), msg);
        Path gz = write("huge.gz", gzip(idx(0x0803, new int[] {60000, 60000, 28}, new byte[10])));
        assertTrue(assertThrows(DataFormatException.class, () -> IdxReader.read(gz)).getMessage().contains("absurd"));
    }

    @Test
    void rejectsTrailingBytesAndOtherTypes() throws IOException {
        byte[] raw = idx(0x0801, new int[] {2}, new byte[] {1, 2, 3});
        assertTrue(assertThrows(DataFormatException.class, () -> IdxReader.read(write("extra", raw)))
                .getMessage().contains("unexpected bytes"));
        byte[] floats = idx(0x0D01, new int[] {1}, new byte[4]);
        assertTrue(assertThrows(DataFormatException.class, () -> IdxReader.read(write("floats", floats)))
                .getMessage().contains("unsupported"));
    }

    @Test
    void mnistFolderChecksImageAndLabelCounts() throws IOException {
        write("train-images-idx3-ubyte", idx(0x0803, new int[] {3, 2, 2}, new byte[12]));
        write("train-labels-idx1-ubyte.gz", gzip(idx(0x0801, new int[] {2}, new byte[] {1, 2})));
        String msg = assertThrows(DataFormatException.class, () -> MnistDataset.load(dir, MnistDataset.Split.TRAIN))
                .getMessage();
        assertTrue(msg.contains("3 images") && msg.contains("2 labels"), msg);
        write("train-labels-idx1-ubyte.gz", gzip(idx(0x0801, new int[] {3}, new byte[] {1, 2, 0})));
        ImageDataset d = MnistDataset.load(dir, MnistDataset.Split.TRAIN);
        assertEquals(3, d.count());
        assertEquals(2, d.label(1));
    }

    @Test
    void bundledMnistLoads() throws IOException {
        ImageDataset test = DataSources.load("mnist", MnistDataset.Split.TEST, 28, 1);
        assertEquals(10000, test.count());
        assertEquals(10, test.classNames().length);
    }
}
