package org.latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.ui.DirectBackground;
import org.latentlab.ui.FakeEngine;
import org.latentlab.ui.FxThread;

/** Directions the user defines: two groups from the gallery and the map, a named slider, a file. */
class DirectionMakerTest {
    private static final int D = FakeEngine.ZDIM;
    private final FakeEngine engine = new FakeEngine(true);

    @BeforeAll
    static void toolkit() throws Exception {
        FxThread.start();
    }

    private ExplorerViewModel loaded() {
        ExplorerViewModel vm = new ExplorerViewModel(engine, new DirectBackground());
        engine.loadBundledModel();
        return vm;
    }

    private static float[] filled(float v) {
        float[] z = new float[D];
        Arrays.fill(z, v);
        return z;
    }

    private static DirectionAmount named(ExplorerViewModel vm, String name) {
        return vm.directions().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void twoGroupsMakeANamedSliderFromOneMeanToTheOther() throws Exception {
        FxThread.run(() -> {
            ExplorerViewModel vm = loaded();
            DirectionMaker maker = vm.directionMaker();
            maker.add(DirectionMaker.Group.A, filled(-0.4f)); // a gallery image
            maker.addMapPoints(DirectionMaker.Group.B, new int[] {0, 1}, vm.mapProperty().get()); // 0.1, 0.5
            maker.addMapPoints(DirectionMaker.Group.B, new int[] {1}, vm.mapProperty().get()); // once only
            assertEquals(2, maker.groupB().size());
            maker.nameProperty().set("brighter");
            maker.make();
            assertEquals(4, vm.directions().size(), "three from the data, one of yours");
            assertArrayEquals(filled(0.7f), named(vm, "brighter").vector(), 1e-6f, "mean(0.1, 0.5) - (-0.4)");
            assertTrue(maker.groupA().isEmpty() && maker.mapRows(DirectionMaker.Group.B).isEmpty(), "groups emptied");
            vm.setZ(filled(0f));
            named(vm, "brighter").amountProperty().set(0.5);
            assertArrayEquals(filled(0.35f), vm.effectiveZ(), 1e-6f);
            vm.refreshDirections(); // the data's directions again: yours stay
            assertEquals(4, vm.directions().size());
            maker.forget(named(vm, "brighter"));
            assertEquals(3, vm.directions().size());
            return null;
        });
    }

    @Test
    void whatCannotBeMadeIsSaidInWords() throws Exception {
        FxThread.run(() -> {
            ExplorerViewModel vm = loaded();
            DirectionMaker maker = vm.directionMaker();
            maker.add(DirectionMaker.Group.A, filled(0.2f));
            maker.make();
            assertTrue(maker.messageProperty().get().startsWith("Put at least one image in each group"));
            maker.add(DirectionMaker.Group.B, filled(0.3f));
            maker.nameProperty().set("PC1");
            maker.make();
            assertTrue(maker.messageProperty().get().contains("name of a direction found in the data"),
                    maker.messageProperty().get());
            assertEquals(3, vm.directions().size());
            return null;
        });
    }

    @Test
    void yourDirectionsSaveAndLoadAndAFileForAnotherLatentSizeIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.json");
        FxThread.run(() -> {
            ExplorerViewModel vm = loaded();
            DirectionMaker maker = vm.directionMaker();
            maker.add(DirectionMaker.Group.A, filled(0f));
            maker.add(DirectionMaker.Group.B, filled(0.25f));
            maker.make();
            maker.save(file);
            assertEquals("Saved 1 direction to mine.json.", maker.messageProperty().get());
            ExplorerViewModel other = loaded();
            other.directionMaker().load(file);
            assertArrayEquals(filled(0.25f), named(other, "A→B (1→1)").vector(), 1e-6f);
            return null;
        });
        Path wrong = dir.resolve("short.json");
        Files.writeString(wrong, "{\"format\": \"latentlab-directions\", \"version\": 1, \"directions\":"
                + " [{\"name\": \"x\", \"vector\": [1, 2, 3]}]}");
        FxThread.run(() -> {
            ExplorerViewModel vm = loaded();
            vm.directionMaker().load(wrong);
            assertEquals("short.json: direction 'x' has 3 values; this model's latent vectors have " + D + ".",
                    vm.directionMaker().messageProperty().get());
            vm.directionMaker().load(dir.resolve("missing.json"));
            assertTrue(vm.directionMaker().messageProperty().get().startsWith("There is no file"));
            assertEquals(3, vm.directions().size());
            return null;
        });
    }
}
