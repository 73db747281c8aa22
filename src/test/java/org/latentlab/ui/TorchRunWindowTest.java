package org.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.cli.Cli;
import org.latentlab.data.GeneratedData;
import org.latentlab.engine.ModelInfo;
import org.latentlab.interop.TorchPython;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A run trained with PyTorch (tools/latentlab_torch.py train), brought back with import-run and
 * opened from File → Open recent: the window shows its step, its data set's class directions and
 * its latent size.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class TorchRunWindowTest extends RealWindow {
    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aRunTrainedInPyTorchOpensInTheWindow(FxRobot robot) throws Exception {
        String python = TorchPython.requireOrSkip();
        Path data = GeneratedData.idx(dir.resolve("shapes"), 64, 16);
        Path run = dir.resolve("torch-run");
        TorchPython.run(python, "train", "--data", data, "--steps", 20, "--batch", 32, "--hidden", 32, "--zdim", 6,
                "--threads", 1, "--checkpoint-every", 10, "--out", run);
        Path model = dir.resolve("from-torch");
        StringWriter out = new StringWriter();
        assertEquals(0, Cli.run(new String[] {"import-run", run.toString(), "--out", model.toString()},
                new PrintWriter(out, true), new PrintWriter(out, true)), out.toString());
        robot.interact(() -> vm.recent().opened(model));
        robot.clickOn("#menu-file").clickOn("Open recent").clickOn(n -> n instanceof Label l
                && l.getText().startsWith("from-torch  —"));
        waitFor(60, () -> vm.explorer().dims().size() == 6
                && vm.explorer().directions().stream().anyMatch(d -> d.name().contains("disc")));
        ModelInfo info = vm.explorer().modelProperty().get();
        assertEquals(20, info.step());
        assertEquals(GeneratedData.CLASSES, info.data().classNames());
        assertTrue(info.fittedDensity(), "import-run fitted the density");
        // its reconstruction error at both checkpoints, from the PyTorch run's history
        waitFor(10, () -> vm.training().history().series("recon").size() == 2);
        assertEquals(10f, vm.training().history().series("recon").decimated(10).get(0)[0]);
    }
}
