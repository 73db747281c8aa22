package org.latentlab.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.latent.LatentDirections.Named;
import org.latentlab.latent.Walk;

/** Session and direction files: what is written reads back, and what is wrong is refused in words. */
class SessionFileTest {
    @TempDir Path dir;

    private ExplorerSession session(Path model) {
        return new ExplorerSession(model, new float[] {0.1f, -0.2f, 0.3f}, Map.of("PC1", 1.5, "mine", -0.5),
                List.of(new float[] {1, 0, -1}, new float[] {0.5f, 0.5f, 0.5f}),
                List.of(new Named("mine", new float[] {0.01f, 0.02f, 0.03f})),
                new Walk.Settings(12, Walk.Easing.LINEAR, true), true, 0.4);
    }

    @Test
    void aSessionReadsBackAndNamesItsModelRelativeToItselfWhenBeside() throws IOException {
        Path model = Files.createDirectories(dir.resolve("runs/a/step-00000100"));
        Path file = dir.resolve("s.json");
        SessionFile.write(file, session(model));
        assertTrue(Files.readString(file).contains("\"model\": \"runs/a/step-00000100\""), Files.readString(file));
        ExplorerSession back = SessionFile.read(file);
        assertEquals(model.toAbsolutePath(), back.model());
        assertArrayEquals(new float[] {0.1f, -0.2f, 0.3f}, back.z());
        assertEquals(Map.of("PC1", 1.5, "mine", -0.5), back.amounts());
        assertEquals(2, back.gallery().size());
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, back.gallery().get(1));
        assertEquals("mine", back.directions().get(0).name());
        assertArrayEquals(new float[] {0.01f, 0.02f, 0.03f}, back.directions().get(0).vector());
        assertEquals(new Walk.Settings(12, Walk.Easing.LINEAR, true), back.walk());
        assertTrue(back.fromPrior());
        assertEquals(0.4, back.temperature());
        Path elsewhere = Files.createDirectories(dir.resolve("sessions"));
        SessionFile.write(elsewhere.resolve("t.json"), session(model));
        assertTrue(Files.readString(elsewhere.resolve("t.json")).contains(model.toAbsolutePath().toString()),
                "a model outside the session's folder is named by its whole path");
        assertEquals(List.of(), Files.list(dir).filter(p -> p.toString().endsWith(".tmp")).toList(), "no half file");
    }

    @Test
    void whatIsNotASessionIsRefusedInWords() throws IOException {
        String[][] cases = {
            {"no json", "s.json is not a session file: it is not JSON."},
            {"{\"format\": \"latentlab-directions\", \"version\": 1}", "s.json is not a session file of Latent Lab."},
            {"{\"format\": \"latentlab-session\", \"version\": 2}", "s.json was written by a newer Latent Lab"},
            {"{\"format\": \"latentlab-session\", \"version\": 1, \"z\": [0]}", "The session s.json cannot be restored:"
                    + " it names no model."},
            {"{\"format\": \"latentlab-session\", \"version\": 1, \"model\": \"m\", \"z\": [0, \"a\"]}",
                "The session s.json cannot be restored: value 2 of z is not a number."},
            {"{\"format\": \"latentlab-session\", \"version\": 1, \"model\": \"m\", \"z\": [0, 1], \"gallery\": [[1]]}",
                "The session s.json cannot be restored: gallery image 1 has 1 values, z has 2."},
            {"{\"format\": \"latentlab-session\", \"version\": 1, \"model\": \"m\", \"z\": [0], \"walk\":"
                    + " {\"frames_per_leg\": 0}}", "The session s.json cannot be restored: Frames per leg must be 1"},
            {"{\"format\": \"latentlab-session\", \"version\": 1, \"model\": \"m\", \"z\": [0], \"randomize\":"
                    + " {\"temperature\": 3}}", "The session s.json cannot be restored: the temperature must be"},
            {"{\"format\": \"latentlab-session\", \"version\": 1, \"model\": \"m\", \"z\": [0], \"directions\":"
                    + " [{\"name\": \"a\", \"vector\": [1]}, {\"name\": \"a\", \"vector\": [2]}]}",
                "The session s.json cannot be restored: two directions are called 'a'."},
            {"{\"format\": \"latentlab-session\", \"version\": 1, \"model\": \"m\", \"z\": [0], \"amounts\": 7}",
                "The session s.json is damaged"},
        };
        Path file = dir.resolve("s.json");
        for (String[] c : cases) {
            Files.writeString(file, c[0]);
            IOException e = assertThrows(IOException.class, () -> SessionFile.read(file), c[0]);
            assertTrue(e.getMessage().startsWith(c[1]), c[0] + " -> " + e.getMessage());
        }
        IOException missing = assertThrows(IOException.class, () -> SessionFile.read(dir.resolve("none.json")));
        assertTrue(missing.getMessage().startsWith("There is no file"));
    }

    @Test
    void directionsReadBackForTheirLatentSizeOnly() throws IOException {
        Path file = dir.resolve("d.json");
        DirectionFile.write(file, List.of(new Named("up", new float[] {1, 2})), 2);
        assertArrayEquals(new float[] {1, 2}, DirectionFile.read(file, 2).get(0).vector());
        IOException e = assertThrows(IOException.class, () -> DirectionFile.read(file, 3));
        assertEquals("d.json: direction 'up' has 2 values; this model's latent vectors have 3.", e.getMessage());
        Files.writeString(file, "{\"format\": \"latentlab-directions\", \"version\": 1, \"directions\": [{\"name\": "
                + "\"\", \"vector\": [1]}]}");
        assertEquals("d.json: direction 1 has no name.",
                assertThrows(IOException.class, () -> DirectionFile.read(file, 1)).getMessage());
    }
}
