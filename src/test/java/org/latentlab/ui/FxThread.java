package org.latentlab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Runs a view-model test body on the FX thread (the "UI thread" of {@link DirectBackground}). */
public final class FxThread {
    private FxThread() {}

    /** Starts the toolkit once: images need it, no scene is built. */
    public static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Runs {@code body} on the FX thread and rethrows what it threw. */
    public static void run(Callable<Void> body) throws Exception {
        try {
            WaitForAsyncUtils.asyncFx(body).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw (Exception) e.getCause();
        }
    }
}
