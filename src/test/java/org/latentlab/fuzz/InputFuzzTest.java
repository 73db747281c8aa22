package org.latentlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.checkpoint.CheckpointException;
import org.latentlab.checkpoint.CheckpointLoader;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.checkpoint.LatentDensityFile;
import org.latentlab.data.DataFormatException;
import org.latentlab.data.DigitPreprocessor;
import org.latentlab.data.IdxReader;
import org.latentlab.data.ImageFiles;
import org.latentlab.data.ImageFolderDataset;
import org.latentlab.model.BiGan;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.TestModels;

/**
 * Mutated inputs of every kind a user hands us, seeded so a failure repeats: each ends in success
 * or in our own clear error within {@link #LIMIT_MS}, never a hang, an {@code Error} or another
 * exception. Images go through what Open, Drop and Paste use (read, then the model's preparation).
 */
@Tag("slow")
class InputFuzzTest {
    static final int IMAGES_PER_FORMAT = 500;
    static final int FILES_PER_KIND = 300;
    static final long LIMIT_MS = 2_000;
    private static ExecutorService worker;
    @TempDir Path dir;

    @BeforeAll
    static void startWorker() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
    }

    interface Input {
        void use(Path file) throws Exception;
    }

    /** Runs {@code input} on each mutated file; returns the outcomes {ok, clear error}. Fails on anything else. */
    private int[] fuzz(String name, byte[] seed, int count, long rngSeed, Class<? extends Exception> clear, Input input,
            Mutator mutator) throws Exception {
        Random rng = new Random(rngSeed);
        int[] outcomes = new int[2];
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = mutator.mutate(seed, rng);
            Path f = dir.resolve(name + "-" + i);
            Files.write(f, bytes);
            Future<?> run = worker.submit(() -> {
                input.use(f);
                return null;
            });
            try {
                run.get(LIMIT_MS, TimeUnit.MILLISECONDS);
                outcomes[0]++;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (clear.isInstance(cause) && cause.getMessage() != null && !cause.getMessage().isBlank()) {
                    outcomes[1]++;
                } else {
                    failures.add(name + " #" + i + " (seed " + rngSeed + "): " + cause);
                }
            } catch (TimeoutException e) {
                run.cancel(true);
                failures.add(name + " #" + i + " (seed " + rngSeed + "): took over " + LIMIT_MS + " ms");
                worker.shutdownNow();
                startWorker();
            }
            Files.delete(f);
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + count + " failed: " + failures.subList(0,
                Math.min(10, failures.size())));
        System.out.printf("fuzz %s: %d files, %d read, %d refused with a message%n", name, count, outcomes[0],
                outcomes[1]);
        return outcomes;
    }

    @FunctionalInterface
    interface Mutator {
        byte[] mutate(byte[] seed, Random rng);
    }

    /** Bit flips, truncations, byte runs, and (for images) absurd dimensions written into the header. */
    static byte[] mutate(byte[] seed, Random rng) {
        byte[] b = seed.clone();
        switch (rng.nextInt(4)) {
            case 0 -> {
                for (int k = 1 + rng.nextInt(20); k > 0; k--) {
                    int i = rng.nextInt(b.length);
                    b[i] ^= (byte) (1 << rng.nextInt(8));
                }
            }
            case 1 -> b = Arrays.copyOf(b, rng.nextInt(b.length));
            case 2 -> {
                int at = rng.nextInt(b.length);
                int len = Math.min(b.length - at, 1 + rng.nextInt(16));
                byte v = (byte) (rng.nextBoolean() ? 0xFF : rng.nextInt(256));
                Arrays.fill(b, at, at + len, v);
            }
            default -> {
                // a large number at a header offset where formats keep width and height
                int at = Math.min(b.length - 4, new int[] {6, 8, 16, 18, 20, 22, 24, 163, 165}[rng.nextInt(9)]);
                int huge = rng.nextBoolean() ? 0x7FFFFFFF : 0x10000 + rng.nextInt(0x7FFF0000);
                ByteBuffer.wrap(b, Math.max(0, at), 4).putInt(rng.nextBoolean() ? huge : Integer.reverseBytes(huge));
            }
        }
        return b;
    }

    private static byte[] image(String format, boolean gray, Random rng) throws Exception {
        int w = 8 + rng.nextInt(33);
        int h = 8 + rng.nextInt(33);
        BufferedImage img = new BufferedImage(w, h, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(rng.nextInt(0xFFFFFF)).darker());
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out), format);
        return out.toByteArray();
    }

    /** 2,000 images: 500 each of PNG, JPEG, GIF and BMP, half gray, through Open/Drop/Paste's path. */
    @Test
    void mutatedImagesEndInAPictureOrAClearError() throws Exception {
        long seed = 1;
        int total = 0;
        for (String format : new String[] {"png", "jpg", "gif", "bmp"}) {
            for (boolean gray : new boolean[] {false, true}) {
                byte[] valid = image(format, gray, new Random(seed));
                total += IMAGES_PER_FORMAT / 2;
                fuzz(format + (gray ? "-gray" : "-rgb"), valid, IMAGES_PER_FORMAT / 2, seed++,
                        DataFormatException.class, f -> {
                    BufferedImage img = ImageFiles.read(f);
                    ImageFolderDataset.toFloats(img, 28, 3);
                    DigitPreprocessor.preprocess(img);
                }, InputFuzzTest::mutate);
            }
        }
        assertEquals(2_000, total);
    }

    @Test
    void mutatedIdxFilesEndInDataOrAClearError() throws Exception {
        ByteBuffer idx = ByteBuffer.allocate(4 + 12 + 5 * 4 * 4);
        idx.putInt(0x0803).putInt(5).putInt(4).putInt(4);
        for (int i = 0; i < 80; i++) {
            idx.put((byte) (i * 3));
        }
        fuzz("idx", idx.array(), FILES_PER_KIND, 11, DataFormatException.class, IdxReader::read, InputFuzzTest::mutate);
    }

    /** Manifests and densities, mutated as text (so JSON stays nearly valid) and as bytes. */
    @Test
    void mutatedManifestsAndDensitiesEndInAModelOrAClearError() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            Checkpoints.save(t, ckpt, TestModels.MNIST_DATA, "fuzz", Map.of());
            LatentDensityFile.attach(ckpt, LatentDensityFile.fit(t.model(), TestModels.mnist(256),
                    new LatentDensityFile.Settings(2, 256, 1), 1));
        }
        Path manifest = ckpt.resolve(Checkpoints.MANIFEST);
        byte[] validManifest = Files.readAllBytes(manifest);
        fuzz("manifest", validManifest, FILES_PER_KIND, 21, CheckpointException.class, f -> {
            Files.copy(f, manifest, StandardCopyOption.REPLACE_EXISTING);
            try (NDManager m = NDManager.newBaseManager(); BiGan model = CheckpointLoader.loadModel(ckpt, m)) {
                LatentDensityFile.read(ckpt);
            }
        }, InputFuzzTest::mutateJson);
        Files.write(manifest, validManifest);
        Path density = ckpt.resolve(LatentDensityFile.FILE);
        byte[] validDensity = Files.readAllBytes(density);
        // The manifest's hash would refuse every changed density before parsing it; the parser is
        // what is fuzzed here, so each mutated density is listed with its own hash.
        fuzz("density", validDensity, FILES_PER_KIND, 31, CheckpointException.class, f -> {
            byte[] bytes = Files.readAllBytes(f);
            Files.write(density, bytes);
            var m = Checkpoints.readManifest(ckpt);
            var files = new LinkedHashMap<>(m.files());
            files.put(LatentDensityFile.FILE, sha256(bytes));
            LatentDensityFile.read(ckpt, m.withFiles(files));
        }, InputFuzzTest::mutateJson);
    }

    /** Half byte mutations, half text ones: a number replaced by an extreme or a token dropped. */
    static byte[] mutateJson(byte[] seed, Random rng) {
        if (rng.nextBoolean()) {
            return mutate(seed, rng);
        }
        String s = new String(seed, StandardCharsets.UTF_8);
        var numbers = Pattern.compile("-?\\d+(\\.\\d+)?(E-?\\d+)?").matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (numbers.find()) {
            spans.add(new int[] {numbers.start(), numbers.end()});
        }
        int[] span = spans.get(rng.nextInt(spans.size()));
        String[] extremes = {"-1", "0", "1e308", "-1e308", "NaN", "2147483648", "99999999999", "\"x\"", "null", "[]",
                "{}"};
        String replacement = rng.nextInt(5) == 0 ? "" : extremes[rng.nextInt(extremes.length)];
        return (s.substring(0, span[0]) + replacement + s.substring(span[1])).getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
