package org.latentlab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.latentlab.engine.LatentEngine;
import org.latentlab.engine.TorchEngine;
import org.latentlab.ui.common.FxBackground;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window (1024×700 unless told) on the real engine (libtorch), opened on the bundled model, for robot
 * tests. TestFX finds only the test class's own {@code @Start}: each calls {@link #open}.
 */
public abstract class RealWindow {
    protected LatentEngine engine;
    protected MainViewModel vm;

    protected void open(Stage stage) {
        open(stage, 1024, 700);
    }

    protected void open(Stage stage, int width, int height) {
        engine = new TorchEngine();
        vm = new MainViewModel(engine, new FxBackground());
        stage.setScene(new Scene(new MainView(vm), width, height));
        stage.show();
        vm.start(() -> {});
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    protected static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
