package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.AppPaths;
import org.latentlab.explore.DirectionFile;
import org.latentlab.explore.ExplorerSession;
import org.latentlab.explore.SessionFile;
import org.latentlab.latent.LatentDirections.Named;
import org.latentlab.latent.Walk;

/** Directions saved from the window applied with {@code decode --move}, and sessions opened with {@code open}. */
@Tag("slow")
class DirectionsCliTest {
    @TempDir Path dir;

    private Path zFile(String name, float value) throws Exception {
        float[] z = new float[32];
        Arrays.fill(z, value);
        Path p = dir.resolve(name);
        Files.writeString(p, Arrays.toString(z));
        return p;
    }

    @Test
    void decodeMovesZAlongASavedDirection() throws Exception {
        float[] up = new float[32];
        Arrays.fill(up, 0.25f);
        Path directions = dir.resolve("mine.json");
        DirectionFile.write(directions, List.of(new Named("up", up)), 32);
        Path moved = dir.resolve("moved.png");
        var r = CliTest.run("decode", "--z", zFile("zero.json", 0).toString(), "--directions", directions.toString(),
                "--move", "up=2", "--out", moved.toString());
        assertEquals(0, r.code(), r.err());
        Path direct = dir.resolve("direct.png");
        assertEquals(0, CliTest.run("decode", "--z", zFile("half.json", 0.5f).toString(), "--out", direct.toString())
                .code());
        assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(moved), "G(0 + 2 * up) = G(0.5)");
        var unknown = CliTest.run("decode", "--z", zFile("z.json", 0).toString(), "--directions",
                directions.toString(), "--move", "down=1", "--out", moved.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("No direction 'down' in " + directions + "; it has: up"), unknown.err());
        var alone = CliTest.run("decode", "--z", zFile("z.json", 0).toString(), "--move", "up=1", "--out",
                moved.toString());
        assertTrue(alone.err().contains("--move needs --directions"), alone.err());
        DirectionFile.write(directions, List.of(new Named("up", new float[3])), 3);
        var other = CliTest.run("decode", "--z", zFile("z.json", 0).toString(), "--directions",
                directions.toString(), "--move", "up=1", "--out", moved.toString());
        assertEquals(1, other.code());
        assertTrue(other.err().contains("direction 'up' has 3 values; this model's latent vectors have 32"),
                other.err());
    }

    @Test
    void openRestoresASessionAndRefusesOneWhoseModelIsGone() throws Exception {
        Path session = dir.resolve("s.json");
        SessionFile.write(session, new ExplorerSession(AppPaths.bundledModel(), new float[32], Map.of(), List.of(),
                List.of(), new Walk.Settings(30, Walk.Easing.SMOOTH, false), false, 0.7));
        List<Path> opened = new ArrayList<>();
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"open", session.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), opened::add);
        assertEquals(0, code, err.toString());
        assertEquals(List.of(session), opened);
        Files.writeString(session, Files.readString(session).replace(AppPaths.bundledModel().toAbsolutePath()
                .toString(), dir.resolve("gone").toString()));
        code = Cli.run(new String[] {"open", session.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), opened::add);
        assertEquals(1, code);
        assertEquals(1, opened.size(), "no window for a session whose model is gone");
        Files.writeString(session, "{");
        code = Cli.run(new String[] {"open", session.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), opened::add);
        assertEquals(1, code);
        assertTrue(err.toString().contains("error: s.json is not a session file: it is not JSON."), err.toString());
    }
}
