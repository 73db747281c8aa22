package org.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.latent.Walk;
import org.latentlab.ui.common.FolderMemory;
import org.latentlab.ui.explorer.DirectionAmount;
import org.latentlab.ui.explorer.DirectionMaker;
import org.latentlab.ui.explorer.ExplorerViewModel;
import org.latentlab.ui.explorer.Gallery;

/** File → Save session as, and opening it again (File → Open session, or {@code latentlab open s.json}). */
class SessionTest {
    @TempDir Path dir;
    private final FakeEngine engine = new FakeEngine(true);

    @BeforeAll
    static void toolkit() throws Exception {
        FxThread.start();
    }

    private MainViewModel window(String galleryDir) {
        return new MainViewModel(engine, new DirectBackground(), new RecentModels(null), new FolderMemory(null),
                new Gallery(dir.resolve(galleryDir)));
    }

    private static DirectionAmount named(ExplorerViewModel ex, String name) {
        return ex.directions().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private static float[] filled(float v) {
        float[] z = new float[FakeEngine.ZDIM];
        Arrays.fill(z, v);
        return z;
    }

    @Test
    void aSavedSessionRestoresModelZGalleryDirectionsWalkAndRandomize() throws Exception {
        Path model = Files.createDirectories(dir.resolve("model"));
        Path file = dir.resolve("s.json");
        FxThread.run(() -> {
            MainViewModel vm = window("g1");
            vm.openModel(model);
            ExplorerViewModel ex = vm.explorer();
            ex.setZ(filled(0.2f));
            ex.remember();
            ex.setZ(filled(-0.3f));
            ex.remember();
            ex.directionMaker().add(DirectionMaker.Group.A, filled(0f));
            ex.directionMaker().add(DirectionMaker.Group.B, filled(0.1f));
            ex.directionMaker().nameProperty().set("mine");
            ex.directionMaker().make();
            ex.setZ(filled(0.05f));
            named(ex, "PC2").amountProperty().set(0.5);
            named(ex, "mine").amountProperty().set(-1);
            ex.walk().framesPerLegProperty().set(7);
            ex.walk().sphericalProperty().set(true);
            ex.randomizeSource().temperatureProperty().set(0.45);
            vm.saveSession(file);
            assertEquals("Saved the session to " + file + ".", vm.noticeProperty().get());
            return null;
        });
        FxThread.run(() -> {
            MainViewModel vm = window("g2"); // another user's gallery for the model: the session's replaces it
            vm.start(file, () -> {});
            ExplorerViewModel ex = vm.explorer();
            assertEquals("Restored the session s.json.", vm.noticeProperty().get());
            Path resume = vm.training().resumeFromProperty().get();
            assertEquals(model.toAbsolutePath().normalize(), resume == null ? null
                    : resume.toAbsolutePath().normalize(), "the Training tab's Start continues the session's model");
            assertArrayEquals(filled(0.05f), ex.rawZ(), 1e-6f);
            assertEquals(2, ex.gallery().size());
            assertArrayEquals(filled(-0.3f), ex.gallery().get(1).z(), 1e-6f);
            assertEquals(0.5, named(ex, "PC2").amountProperty().get(), 1e-9);
            assertEquals(-1, named(ex, "mine").amountProperty().get(), 1e-9);
            assertEquals(new Walk.Settings(7, Walk.Easing.SMOOTH, true), ex.walk().settings());
            assertEquals(0.45, ex.randomizeSource().temperatureProperty().get(), 1e-9);
            ex.reset();
            assertArrayEquals(filled(0.05f), ex.rawZ(), 1e-6f, "Reset returns to the session's z");
            ex.setZ(filled(0f));
            named(ex, "mine").amountProperty().set(1);
            assertArrayEquals(filled(0.1f), ex.effectiveZ(), 1e-6f, "the direction restored");
            return null;
        });
    }

    @Test
    void aSessionThatCannotBeRestoredSaysWhyAndTheWindowStaysUsable() throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"format\": \"latentlab-session\", \"version\": 1, \"model\": \"gone\", \"z\": [0]}");
        Files.writeString(dir.resolve("broken.json"), "{");
        FxThread.run(() -> {
            MainViewModel vm = window("g");
            vm.start(file, () -> {});
            assertTrue(vm.noticeProperty().get().startsWith("Could not open the session's model "
                    + dir.resolve("gone")), vm.noticeProperty().get());
            assertEquals(FakeEngine.ZDIM, vm.explorer().dims().size(), "the bundled model instead");
            vm.openSession(dir.resolve("broken.json"));
            assertEquals("broken.json is not a session file: it is not JSON.", vm.noticeProperty().get());
            return null;
        });
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(file, "{\"format\": \"latentlab-session\", \"version\": 1, \"model\": \"model\","
                + " \"z\": [0, 0, 0]}");
        FxThread.run(() -> {
            MainViewModel vm = window("g");
            vm.openSession(file);
            assertEquals("The session's latent vectors have 3 values; this model's have " + FakeEngine.ZDIM + ".",
                    vm.explorer().messageProperty().get());
            return null;
        });
        assertTrue(Files.isDirectory(model));
    }

    @Test
    void aModelBeingTrainedCannotBeSavedAsASessionYet() throws Exception {
        FxThread.run(() -> {
            MainViewModel vm = window("g");
            vm.saveSession(dir.resolve("s.json"));
            assertTrue(vm.noticeProperty().get().startsWith("Save the model as a checkpoint first"));
            assertTrue(Files.notExists(dir.resolve("s.json")));
            return null;
        });
    }

    @Test
    void aSessionWithMoreGalleryImagesThanTheGalleryHoldsKeepsTheFirstOnes() throws Exception {
        Path model = Files.createDirectories(dir.resolve("model"));
        StringBuilder gallery = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            gallery.append(i == 0 ? "" : ", ").append(Arrays.toString(filled(i / 100f)));
        }
        Path file = dir.resolve("big.json");
        Files.writeString(file, "{\"format\": \"latentlab-session\", \"version\": 1, \"model\": \"model\", \"z\": "
                + Arrays.toString(filled(0)) + ", \"gallery\": [" + gallery + "]}");
        FxThread.run(() -> {
            MainViewModel vm = window("g");
            vm.openSession(file);
            assertEquals(24, vm.explorer().gallery().size(), "as many as the gallery holds");
            assertEquals(0.23f, vm.explorer().gallery().get(23).z()[0], 1e-6);
            return null;
        });
        assertTrue(Files.isDirectory(model));
    }
}
