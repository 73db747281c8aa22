package org.latentlab.checkpoint;

import com.google.gson.JsonParseException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.latentlab.data.AtomicFiles;
import org.latentlab.train.LossPoint;
import org.latentlab.train.ReconstructionPoint;
import org.latentlab.train.RunHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's history: {@code losses.jsonl} in its run folder, one JSON object a line
 * ({@code step, lossD, lossGE, lossCycle, dReal, dFake}), and {@code reconstruction.jsonl} beside it
 * ({@code step, mse}, one line a progress grid, or a checkpoint on the command line); PyTorch runs of
 * {@code tools/latentlab_torch.py} write both too. Opening a run later draws its charts from them.
 * The reconstruction error has a file of its own so that readers of the losses (older versions,
 * scripts) never meet a line that is not a loss point. The history is an extra: when it cannot be
 * written, or a line cannot be read, the charts lose those points and nothing else.
 */
public final class LossLog {
    public static final String FILE = "losses.jsonl";
    public static final String RECONSTRUCTION_FILE = "reconstruction.jsonl";
    /**
     * A history longer than this is not read: about a million lines, a PyTorch run of a million
     * steps (it writes every step). The charts show a few hundred points of it anyway.
     */
    static final long MAX_BYTES = 128L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(LossLog.class);

    private LossLog() {}

    /** Appends one point to {@code runDir}'s history. */
    public static void append(Path runDir, LossPoint p) throws IOException {
        appendLine(runDir.resolve(FILE), p);
    }

    /** Appends one reconstruction error to {@code runDir}'s history. */
    public static void append(Path runDir, ReconstructionPoint p) throws IOException {
        appendLine(runDir.resolve(RECONSTRUCTION_FILE), p);
    }

    private static void appendLine(Path file, Object point) throws IOException {
        Files.writeString(file, Json.COMPACT.toJson(point) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Both files of the run {@code model} belongs to, up to {@code upToStep} (see {@link #read}). */
    public static RunHistory history(Path model, long upToStep) {
        return new RunHistory(read(model, upToStep), readLines(model, RECONSTRUCTION_FILE, upToStep,
                ReconstructionPoint.class, ReconstructionPoint::step));
    }

    /**
     * The points of the run {@code model} belongs to (a checkpoint inside a run folder, or the run
     * folder) up to {@code upToStep}, oldest first; none when there is no history. Lines that do
     * not read (one cut short by a crash) are skipped.
     */
    public static List<LossPoint> read(Path model, long upToStep) {
        return readLines(model, FILE, upToStep, LossPoint.class, LossPoint::step);
    }

    /** The points of {@code fileName} in {@code model}'s run up to {@code upToStep}, in rising steps. */
    private static <T> List<T> readLines(Path model, String fileName, long upToStep, Class<T> type,
            ToLongFunction<T> step) {
        Path file = historyOf(model, fileName);
        List<T> points = new ArrayList<>();
        if (file == null || tooLong(file)) {
            return points;
        }
        long lastStep = 0; // steps rise: a line at or before the last kept one is left out
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                T p = parse(line, type);
                long at = p == null ? 0 : step.applyAsLong(p);
                if (at > 0 && at <= upToStep && at > lastStep) {
                    points.add(p);
                    lastStep = at;
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not read the run's history {}", file, e);
        }
        return points;
    }

    /**
     * The history in {@code toRunDir} becomes that of {@code checkpoint}'s run up to {@code step}:
     * before a run resumed from it writes there (the steps after it are trained again), so the
     * charts of the continued run start where the old ones did, and for a checkpoint imported from
     * a PyTorch run.
     */
    public static void carryOver(Path checkpoint, long step, Path toRunDir) {
        RunHistory kept = history(checkpoint, step);
        carryOver(kept.losses(), toRunDir.resolve(FILE));
        carryOver(kept.reconstructions(), toRunDir.resolve(RECONSTRUCTION_FILE));
    }

    private static void carryOver(List<?> kept, Path to) {
        if (kept.isEmpty() && !Files.exists(to)) {
            return;
        }
        StringBuilder text = new StringBuilder();
        kept.forEach(p -> text.append(Json.COMPACT.toJson(p)).append('\n'));
        try {
            AtomicFiles.replace(to, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("Could not carry the run's history over to {}", to, e);
        }
    }

    /** {@code fileName} of a run folder, or of the run folder a checkpoint sits in; null if none. */
    private static Path historyOf(Path model, String fileName) {
        Path own = model.resolve(fileName);
        if (Files.isRegularFile(own)) {
            return own;
        }
        Path parent = model.toAbsolutePath().normalize().getParent();
        return parent != null && Files.isRegularFile(parent.resolve(fileName)) ? parent.resolve(fileName) : null;
    }

    private static boolean tooLong(Path file) {
        try {
            if (Files.size(file) <= MAX_BYTES) {
                return false;
            }
            LOG.warn("The loss history {} is over {} MB: the charts leave it out", file, MAX_BYTES >> 20);
        } catch (IOException e) {
            LOG.warn("Could not read the loss history {}", file, e);
        }
        return true;
    }

    private static <T> T parse(String line, Class<T> type) {
        try {
            return Json.GSON.fromJson(line, type);
        } catch (JsonParseException | NumberFormatException e) {
            return null;
        }
    }
}
