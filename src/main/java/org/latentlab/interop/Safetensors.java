package org.latentlab.interop;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.checkpoint.Json;

/**
 * Writes float32 tensors in the safetensors format: an 8-byte little-endian header length, a JSON
 * header naming each tensor's dtype, shape and byte range, then the raw little-endian data
 * (https://github.com/huggingface/safetensors, "Format"). Readable by the safetensors package
 * and by {@code tools/latentlab_torch.py}, which needs only PyTorch.
 */
public final class Safetensors {
    /** A tensor to write: its shape and its values in row-major order. */
    public record Tensor(long[] shape, float[] values) {
        public Tensor {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            if (n != values.length) {
                throw new IllegalArgumentException("Shape holds " + n + " values, not " + values.length);
            }
        }
    }

    private Safetensors() {}

    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        JsonObject header = new JsonObject();
        JsonObject meta = new JsonObject();
        metadata.forEach(meta::addProperty);
        header.add("__metadata__", meta);
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            JsonObject t = new JsonObject();
            t.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            for (long s : e.getValue().shape()) {
                shape.add(s);
            }
            t.add("shape", shape);
            JsonArray range = new JsonArray();
            range.add(offset);
            offset += 4L * e.getValue().values().length;
            range.add(offset);
            t.add("data_offsets", range);
            header.add(e.getKey(), t);
        }
        byte[] json = Json.COMPACT.toJson(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8; // the data start 8-byte aligned, padded with spaces
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
            out.write(json);
            out.write(" ".repeat(padded - json.length).getBytes(StandardCharsets.US_ASCII));
            for (Tensor t : tensors.values()) {
                ByteBuffer b = ByteBuffer.allocate(4 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(t.values());
                out.write(b.array());
            }
        }
    }

    /** Reads back what {@link #write} wrote: names to tensors, in file order. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = b.getLong();
        if (headerLength < 2 || headerLength > all.length - 8) {
            throw new IOException(file + " is not a safetensors file");
        }
        JsonObject header = Json.COMPACT.fromJson(new String(all, 8, (int) headerLength, StandardCharsets.UTF_8),
                JsonObject.class);
        Map<String, Tensor> out = new LinkedHashMap<>();
        int start = 8 + (int) headerLength;
        for (String name : header.keySet()) {
            if (name.equals("__metadata__")) {
                continue;
            }
            JsonObject t = header.getAsJsonObject(name);
            JsonArray shape = t.getAsJsonArray("shape");
            long[] dims = new long[shape.size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = shape.get(i).getAsLong();
            }
            JsonArray range = t.getAsJsonArray("data_offsets");
            float[] values = new float[(int) ((range.get(1).getAsLong() - range.get(0).getAsLong()) / 4)];
            ByteBuffer.wrap(all, start + (int) range.get(0).getAsLong(), 4 * values.length)
                    .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            out.put(name, new Tensor(dims, values));
        }
        return out;
    }
}
