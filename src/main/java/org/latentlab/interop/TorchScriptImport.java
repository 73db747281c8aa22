package org.latentlab.interop;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.checkpoint.Json;
import org.latentlab.data.DataDescription;
import org.latentlab.data.DataSources;
import org.latentlab.data.MnistDataset;
import org.latentlab.latent.LatentPrior;

/**
 * Makes a Latent Lab model folder of a TorchScript generator (and encoder) trained elsewhere,
 * after checking it against what was declared: a forward pass of prior draws must give finite
 * images (N, 1 or 3, S, S) within the declared output range, and the encoder (N, zdim) codes of
 * them. A generator that fails a check is refused at import, in words, not at first use.
 */
public final class TorchScriptImport {
    /** Draws of the prior the checks run. */
    static final int PROBES = 16;
    /** How far beyond the declared output range a pixel may stray (a fraction of the range). */
    static final float RANGE_SLACK = 0.05f;
    static final int MAX_SIZE = 256;

    /** What the user declared. */
    public record Request(Path generator, Path encoder, int zdim, LatentPrior prior, float low, float high, Path out,
            String command, String data) {}

    private TorchScriptImport() {}

    public static ImportManifest run(Request r) throws ImportException, IOException {
        if (r.zdim() < 1 || r.zdim() > 1024) {
            throw new ImportException("The latent size must be between 1 and 1024, not " + r.zdim());
        }
        requireFile(r.generator(), "generator");
        if (r.encoder() != null) {
            requireFile(r.encoder(), "encoder");
        }
        if (Files.exists(r.out()) && (!Files.isDirectory(r.out()) || !isEmpty(r.out()))) {
            throw new ImportException(r.out() + " already exists: choose a new folder for the imported model");
        }
        int[] shape;
        try (TorchScriptNets nets = TorchScriptNets.load(r.generator(), r.encoder(), r.low(), r.high());
                NDManager m = nets.manager().newSubManager()) {
            NDArray images = checkGenerator(nets, m, r);
            shape = new int[] {(int) images.getShape().get(1), (int) images.getShape().get(2)};
            if (nets.hasEncoder()) {
                checkEncoder(nets, images, r.zdim());
            }
        }
        DataDescription data = r.data() == null ? null : dataOf(r.data(), shape[0], shape[1]);
        Files.createDirectories(r.out());
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        copy(r.generator(), r.out().resolve(ImportManifest.GENERATOR), files, sources);
        if (r.encoder() != null) {
            copy(r.encoder(), r.out().resolve(ImportManifest.ENCODER), files, sources);
        }
        ImportManifest manifest = new ImportManifest(ImportManifest.FORMAT, 1, r.zdim(), r.prior().id(),
                new float[] {r.low(), r.high()}, shape[0], shape[1], files, sources, r.command(),
                Instant.now().toString(), data);
        Files.writeString(r.out().resolve(Checkpoints.MANIFEST), Json.GSON.toJson(manifest), StandardCharsets.UTF_8);
        return manifest;
    }

    /** The description of the data set the user named, which must hold images of G's shape. */
    private static DataDescription dataOf(String spec, int channels, int size) throws ImportException {
        try {
            return DataDescription.of(spec, DataSources.load(spec, MnistDataset.Split.TRAIN, size, channels));
        } catch (IOException e) {
            throw new ImportException("The data set " + spec + " cannot be used with this generator: "
                    + e.getMessage());
        }
    }

    /** G's images of PROBES prior draws, in its own range, checked: (N, C, S, S), C 1 or 3, finite, in range. */
    private static NDArray checkGenerator(TorchScriptNets nets, NDManager m, Request r) throws ImportException {
        NDArray y;
        try {
            y = nets.rawGenerate(m, r.prior().sample(1, 0, PROBES, r.zdim()), PROBES, r.zdim());
        } catch (EngineException e) {
            throw new ImportException("The generator does not take z of shape (" + PROBES + ", " + r.zdim()
                    + "): is the latent size " + r.zdim() + "? (" + TorchScriptNets.firstLine(e) + ")");
        }
        long[] s = y.getShape().getShape();
        if (s.length != 4 || s[0] != PROBES || (s[1] != 1 && s[1] != 3) || s[2] != s[3] || s[2] < 4
                || s[2] > MAX_SIZE) {
            throw new ImportException("The generator returns shape " + Arrays.toString(s) + " for " + PROBES
                    + " latent vectors; Latent Lab explores images [N, C, S, S] with C 1 (gray) or 3 (RGB) and S from"
                    + " 4 to " + MAX_SIZE + " pixels");
        }
        float[] v = y.toFloatArray();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float p : v) {
            if (!Float.isFinite(p)) {
                throw new ImportException("The generator returns NaN or infinite pixels for z from the prior "
                        + r.prior().describe());
            }
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        float slack = RANGE_SLACK * (r.high() - r.low());
        if (min < r.low() - slack || max > r.high() + slack) {
            throw new ImportException(String.format(Locale.ROOT, "The generator's pixels run from %.3g to %.3g, outside"
                    + " the declared output range %s,%s: give --output-range %s", min, max, fmt(r.low()),
                    fmt(r.high()), min < -slack ? "-1,1" : "0,1"));
        }
        return y;
    }

    private static void checkEncoder(TorchScriptNets nets, NDArray images, int zdim) throws ImportException {
        NDArray codes;
        try {
            codes = nets.rawEncode(images);
        } catch (EngineException e) {
            throw new ImportException("The encoder does not take the generator's images " + images.getShape() + " ("
                    + TorchScriptNets.firstLine(e) + ")");
        }
        long[] s = codes.getShape().getShape();
        if (s.length != 2 || s[0] != PROBES || s[1] != zdim) {
            throw new ImportException("The encoder returns shape " + Arrays.toString(s) + " for " + PROBES
                    + " images; expected [" + PROBES + ", " + zdim + "]");
        }
        for (float c : codes.toFloatArray()) {
            if (!Float.isFinite(c)) {
                throw new ImportException("The encoder returns NaN or infinite codes for the generator's images");
            }
        }
    }

    private static String fmt(float v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Float.toString(v);
    }

    private static void requireFile(Path p, String what) throws ImportException {
        if (!Files.isRegularFile(p)) {
            throw new ImportException("The " + what + " file " + p + " does not exist");
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void copy(Path from, Path to, Map<String, String> files, Map<String, String> sources)
            throws IOException {
        Files.copy(from, to);
        files.put(to.getFileName().toString(), sha256(to));
        sources.put(to.getFileName().toString(), from.toAbsolutePath().toString());
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads an imported model's manifest and checks its files' hashes. */
    public static ImportManifest read(Path dir) throws ImportException, IOException {
        ImportManifest m;
        try {
            m = Json.GSON.fromJson(Files.readString(dir.resolve(Checkpoints.MANIFEST)), ImportManifest.class);
        } catch (RuntimeException e) {
            throw new ImportException(dir + ": manifest.json is unreadable (" + e.getMessage() + ")");
        }
        if (m == null || !ImportManifest.FORMAT.equals(m.format()) || m.files() == null
                || !m.files().containsKey(ImportManifest.GENERATOR)) {
            throw new ImportException(dir + ": manifest.json does not describe an imported generator");
        }
        for (var f : m.files().entrySet()) {
            if (!f.getKey().equals(ImportManifest.GENERATOR) && !f.getKey().equals(ImportManifest.ENCODER)) {
                throw new ImportException(dir + ": manifest.json lists an unexpected file " + f.getKey());
            }
            Path file = dir.resolve(f.getKey());
            if (!Files.isRegularFile(file) || !sha256(file).equals(f.getValue())) {
                throw new ImportException(dir + ": " + f.getKey() + " is missing or damaged (its SHA-256 does not"
                        + " match the manifest)");
            }
        }
        return m;
    }

    /** Whether {@code dir} (already resolved) holds an imported model rather than a checkpoint. */
    public static boolean isImported(Path dir) {
        try {
            return Files.readString(dir.resolve(Checkpoints.MANIFEST)).contains("\"" + ImportManifest.FORMAT + "\"");
        } catch (IOException e) {
            return false;
        }
    }
}
