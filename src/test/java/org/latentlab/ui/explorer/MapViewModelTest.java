package org.latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.engine.LatentMap;
import org.latentlab.engine.MapMethod;
import org.latentlab.ui.DirectBackground;
import org.latentlab.ui.FakeEngine;
import org.latentlab.ui.FxThread;
import org.latentlab.ui.common.QueuedUi;

/** The map's layouts: chosen, computed in the background with progress, an older answer dropped. */
class MapViewModelTest {
    private final FakeEngine engine = new FakeEngine(true);

    @BeforeAll
    static void toolkit() throws Exception {
        FxThread.start();
    }

    @Test
    void aLayoutChosenReplacesThePrincipalComponentsOnceComputed() throws Exception {
        FxThread.run(() -> {
            ExplorerViewModel vm = new ExplorerViewModel(engine, new DirectBackground());
            engine.loadBundledModel();
            assertEquals(MapMethod.PCA, vm.mapProperty().get().method());
            vm.map().methodProperty().set(MapMethod.UMAP);
            assertEquals(MapMethod.UMAP, vm.mapProperty().get().method());
            assertEquals(1f, vm.mapProperty().get().xy()[0], "the fake's layout");
            assertEquals("", vm.map().progressProperty().get(), "done: no progress shown");
            vm.refreshDirections(); // new codes: laid out again by the method chosen
            assertEquals(MapMethod.UMAP, vm.mapProperty().get().method());
            vm.map().methodProperty().set(MapMethod.PCA);
            assertEquals(MapMethod.PCA, vm.mapProperty().get().method());
            return null;
        });
    }

    @Test
    void anOlderLayoutsAnswerIsDroppedAndAFailureIsSaid() throws Exception {
        Map<MapMethod, CompletableFuture<LatentMap>> pending = new EnumMap<>(MapMethod.class);
        engine.layouts = m -> pending.computeIfAbsent(m, k -> new CompletableFuture<>());
        FxThread.run(() -> {
            QueuedUi ui = new QueuedUi();
            ExplorerViewModel vm = new ExplorerViewModel(engine, ui);
            engine.loadBundledModel();
            ui.runUi();
            LatentMap pca = vm.mapProperty().get();
            vm.map().methodProperty().set(MapMethod.UMAP);
            assertEquals("UMAP of 2 points: starting…", vm.map().progressProperty().get());
            vm.map().methodProperty().set(MapMethod.TSNE);
            pending.get(MapMethod.UMAP).complete(pca.withLayout(MapMethod.UMAP, new float[4]));
            ui.runUi();
            assertEquals(MapMethod.PCA, vm.mapProperty().get().method(), "UMAP's answer came too late");
            assertTrue(vm.map().progressProperty().get().startsWith("t-SNE of 2 points"));
            pending.get(MapMethod.TSNE).completeExceptionally(new CancellationException());
            ui.runUi();
            assertTrue(vm.map().progressProperty().get().startsWith("t-SNE of 2 points"), "a cancel says nothing");
            pending.clear();
            vm.map().methodProperty().set(MapMethod.UMAP);
            pending.get(MapMethod.UMAP).completeExceptionally(new IOException("No space left on device"));
            ui.runUi();
            assertEquals("UMAP failed: No space left on device", vm.map().progressProperty().get());
            assertEquals(MapMethod.PCA, vm.mapProperty().get().method(), "the map shown stays");
            return null;
        });
    }
}
