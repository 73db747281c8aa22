package org.latentlab.checkpoint;

import com.google.gson.JsonParseException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.latentlab.train.LossPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's loss history: {@code losses.jsonl} in its run folder, one JSON object a line
 * ({@code step, lossD, lossGE, lossCycle, dReal, dFake}), the format PyTorch runs of
 * {@code tools/latentlab_torch.py} write too. Opening a run later draws its charts from it. The
 * history is an extra: when it cannot be written, or a line cannot be read, the charts lose
 * those points and nothing else.
 */
public final class LossLog {
    public static final String FILE = "losses.jsonl";
    /**
     * A history longer than this is not read: about a million lines, a PyTorch run of a million
     * steps (it writes every step). The charts show a few hundred points of it anyway.
     */
    static final long MAX_BYTES = 128L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(LossLog.class);

    private LossLog() {}

    /** Appends one point to {@code runDir}'s history. */
    public static void append(Path runDir, LossPoint p) throws IOException {
        Files.writeString(runDir.resolve(FILE), Json.COMPACT.toJson(p) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The points of the run {@code model} belongs to (a checkpoint inside a run folder, or the run
     * folder) up to {@code upToStep}, oldest first; none when there is no history. Lines that do
     * not read (one cut short by a crash) are skipped.
     */
    public static List<LossPoint> read(Path model, long upToStep) {
        Path file = historyOf(model);
        List<LossPoint> points = new ArrayList<>();
        if (file == null || tooLong(file)) {
            return points;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                LossPoint p = parse(line);
                if (p != null && p.step() <= upToStep && (points.isEmpty()
                        || p.step() > points.get(points.size() - 1).step())) {
                    points.add(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not read the loss history {}", file, e);
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
        List<LossPoint> kept = read(checkpoint, step);
        if (kept.isEmpty() && !Files.exists(toRunDir.resolve(FILE))) {
            return;
        }
        try {
            Files.createDirectories(toRunDir);
            Path tmp = toRunDir.resolve(FILE + ".tmp");
            StringBuilder text = new StringBuilder();
            kept.forEach(p -> text.append(Json.COMPACT.toJson(p)).append('\n'));
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, toRunDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not carry the loss history of {} over to {}", checkpoint, toRunDir, e);
        }
    }

    /** The history of a run folder, or of the run folder a checkpoint sits in; null if none. */
    private static Path historyOf(Path model) {
        Path own = model.resolve(FILE);
        if (Files.isRegularFile(own)) {
            return own;
        }
        Path parent = model.toAbsolutePath().normalize().getParent();
        return parent != null && Files.isRegularFile(parent.resolve(FILE)) ? parent.resolve(FILE) : null;
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

    private static LossPoint parse(String line) {
        try {
            LossPoint p = Json.GSON.fromJson(line, LossPoint.class);
            return p != null && p.step() > 0 ? p : null;
        } catch (JsonParseException | NumberFormatException e) {
            return null;
        }
    }
}
