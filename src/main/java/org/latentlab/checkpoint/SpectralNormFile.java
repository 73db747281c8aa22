package org.latentlab.checkpoint;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.model.BiGan;

/**
 * The u vectors of a spectrally normalised D ({@code spectral-norm.bin}), so that a resumed run's
 * power iteration goes on from where it stopped: a count, then per weight its path in D, its
 * length and its floats.
 */
final class SpectralNormFile {
    static final String NAME = "spectral-norm.bin";
    /** No D here has a layer of more rows; a larger count is a damaged file, not a model. */
    private static final int MAX_ROWS = 1 << 16;
    private static final int MAX_WEIGHTS = 1024;

    private SpectralNormFile() {}

    static void write(DataOutputStream out, BiGan model) throws IOException {
        Map<Parameter, float[]> vectors = model.spectralVectors();
        Map<String, float[]> byPath = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.discriminator().getParameters()) {
            if (vectors.containsKey(p.getValue())) {
                byPath.put(p.getKey(), vectors.get(p.getValue()));
            }
        }
        out.writeInt(byPath.size());
        for (Map.Entry<String, float[]> e : byPath.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            for (float f : e.getValue()) {
                out.writeFloat(f);
            }
        }
    }

    /**
     * Restores the model's vectors; a count out of range, a missing byte or a byte too many is an
     * IOException, a weight D does not have an IllegalArgumentException.
     */
    static void restore(byte[] bytes, BiGan model) throws IOException {
        Map<String, Parameter> weights = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.discriminator().getParameters()) {
            weights.put(p.getKey(), p.getValue());
        }
        for (Map.Entry<String, float[]> e : read(bytes).entrySet()) {
            Parameter w = weights.get(e.getKey());
            if (w == null) {
                throw new IllegalArgumentException("D has no weight " + e.getKey());
            }
            model.restoreSpectralVector(w, e.getValue());
        }
    }

    private static Map<String, float[]> read(byte[] bytes) throws IOException {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            if (count < 0 || count > MAX_WEIGHTS) {
                throw new IOException("it lists " + count + " weights");
            }
            for (int i = 0; i < count; i++) {
                String path = in.readUTF();
                int rows = in.readInt();
                if (rows < 1 || rows > MAX_ROWS) {
                    throw new IOException(path + " has " + rows + " rows");
                }
                float[] u = new float[rows];
                for (int r = 0; r < rows; r++) {
                    u[r] = in.readFloat();
                }
                out.put(path, u);
            }
            if (in.read() != -1) {
                throw new IOException("unexpected bytes after the vectors");
            }
        } catch (EOFException e) {
            throw new IOException("it is truncated", e);
        }
        return out;
    }
}
