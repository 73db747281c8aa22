package org.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.AppPaths;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.interop.TorchScriptFixtures;
import org.latentlab.ui.training.TrainingState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window at 1024×700 driven by keyboard and mouse: layout, keys, menus, forms, saving, stale state. */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class WindowUsabilityTest extends RealWindow {
    @TempDir Path dir;
    private final AtomicInteger modelChanges = new AtomicInteger();

    @Start
    void start(Stage stage) {
        open(stage);
        engine.subscribe(c -> modelChanges.incrementAndGet());
    }

    private void ready() throws Exception {
        waitFor(60, () -> vm.explorer().dims().size() > 0 && !vm.explorer().directions().isEmpty());
    }

    /**
     * Every tab at 1024×700: each button and label shows its whole text (none cut to "Re…" or
     * "St…", a wrapped one in whole lines), and every control lies inside
     * its tab's scrollable content, so scrolling reaches it; the explorer and training tabs need
     * no sideways scrolling at all.
     */
    @Test
    void everyControlIsWholeAndReachableAt1024By700(FxRobot robot) throws Exception {
        ready();
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        for (Tab tab : tabs.getTabs()) {
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            ScrollPane scroll = (ScrollPane) tab.getContent();
            Node content = scroll.getContent();
            List<Control> controls = new ArrayList<>();
            collect(content, controls);
            assertFalse(controls.isEmpty(), tab.getText());
            for (Control c : controls) {
                String where = tab.getText() + " › " + (c instanceof Labeled l ? l.getText() : c.getId() + " " + c);
                if (c instanceof Labeled l && !l.getText().isEmpty()) { // wrapped ones too: short of height, cut
                    // a titled pane's first text may be its content's: its own is its title's
                    Text shown = (Text) l.lookup(l instanceof TitledPane ? ".title .text" : ".text");
                    assertEquals(l.getText(), shown.getText(), where + " is cut");
                }
                Bounds inContent = content.sceneToLocal(c.localToScene(c.getLayoutBounds()));
                assertTrue(content.getLayoutBounds().contains(inContent), where + " lies outside its tab: " + inContent
                        + " not in " + content.getLayoutBounds());
            }
            if (!tab.getText().equals("Encoder") && !tab.getText().equals("Metrics")) {
                assertTrue(content.getLayoutBounds().getWidth() <= scroll.getViewportBounds().getWidth() + 1,
                        tab.getText() + " scrolls sideways at 1024 px");
            }
        }
    }

    /**
     * The controls a user reaches, outside lists and tables (their cells elide and scroll by design)
     * and the inner parts of composite controls. A nested scroll pane's content is not walked: its
     * own scroll bar reaches it (a skin's viewport is unmanaged).
     */
    private static void collect(Node node, List<Control> out) {
        if (!node.isVisible() || !node.isManaged() || node instanceof IndexedCell<?>) {
            return;
        }
        if (node instanceof Control c) {
            out.add(c);
            if (!(c instanceof ScrollPane)) {
                return; // a slider's thumb or a spinner's arrows are its own business
            }
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    /**
     * A z slider moves one step (0.05) per arrow key and ten per Page Up, not across its range; the
     * explorer's message about an earlier action goes with the next one.
     */
    @Test
    void arrowAndPageKeysStepTheFocusedSliderAndClearAStaleMessage(FxRobot robot) throws Exception {
        ready();
        Slider s = robot.lookup("#dim-2").queryAs(Slider.class);
        Label message = robot.lookup("#explorer-message").queryAs(Label.class);
        robot.interact(() -> {
            s.setValue(0);
            vm.explorer().text().pasteText("not a latent vector");
            s.requestFocus();
        });
        assertFalse(message.getText().isEmpty());
        robot.type(KeyCode.RIGHT);
        assertEquals(0.05, s.getValue(), 1e-9);
        assertEquals("", message.getText());
        robot.type(KeyCode.PAGE_UP);
        assertEquals(0.55, s.getValue(), 1e-9);
        robot.type(KeyCode.LEFT);
        assertEquals(0.5, s.getValue(), 1e-9);
    }

    /**
     * File → Open recent opens a model; Ctrl+number switches tabs; Ctrl+R randomizes; F1 lists the
     * shortcuts; Help → About names the versions.
     */
    @Test
    void theMenusOpenAModelAndTheirShortcutsWork(FxRobot robot) throws Exception {
        ready();
        robot.interact(() -> vm.recent().opened(AppPaths.bundledModel()));
        int before = modelChanges.get();
        robot.clickOn("#menu-file").clickOn("Open recent").clickOn(n -> n instanceof Label l
                && l.getText().startsWith(AppPaths.bundledModel().getFileName() + "  —"));
        waitFor(30, () -> modelChanges.get() > before);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        assertEquals("Training", tabs.getSelectionModel().getSelectedItem().getText());
        float[] z = vm.explorer().rawZ();
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        assertEquals("Explorer", tabs.getSelectionModel().getSelectedItem().getText());
        waitFor(10, () -> vm.explorer().rawZ()[0] != z[0]);
        robot.type(KeyCode.F1); // Help → Keyboard shortcuts, read from the menus themselves
        waitFor(10, () -> dialog("Keyboard shortcuts") != null);
        Stage keys = dialog("Keyboard shortcuts");
        assertTrue(robot.from(keys.getScene().getRoot()).lookup("Ctrl+O").tryQuery().isPresent());
        robot.interact(keys::close);
        robot.clickOn("#menu-help").clickOn("About Latent Lab");
        waitFor(10, () -> dialog("About Latent Lab") != null);
        Stage about = dialog("About Latent Lab");
        assertTrue(robot.from(about.getScene().getRoot()).lookup("PyTorch (libtorch)").tryQuery().isPresent());
        robot.interact(about::close);
    }

    /**
     * A generator trained elsewhere (TorchScript, RGB, prior N(0, 1), no encoder), imported and
     * opened from File → Open recent: the sliders span ±3σ, Randomize draws from N(0, 1), and the
     * explorer says why there are no directions or map.
     */
    @Test
    void anImportedGeneratorOpensWithItsPriorsRange(FxRobot robot) throws Exception {
        ready();
        Path imported = TorchScriptFixtures.importRgbNormal(dir.resolve("imported"));
        robot.interact(() -> vm.recent().opened(imported));
        robot.clickOn("#menu-file").clickOn("Open recent").clickOn(n -> n instanceof Label l
                && l.getText().startsWith("imported  —"));
        waitFor(30, () -> vm.explorer().dims().size() == 8);
        waitFor(10, () -> robot.lookup("#dim-0").tryQuery().isPresent());
        Slider s = robot.lookup("#dim-0").queryAs(Slider.class);
        assertEquals(3.0, s.getMax(), 1e-9);
        assertEquals(-3.0, s.getMin(), 1e-9);
        robot.clickOn("#randomize");
        waitFor(10, () -> vm.explorer().rawZ()[0] != 0 || vm.explorer().rawZ()[1] != 0);
        waitFor(10, () -> vm.explorer().derivedStatusProperty().get().contains("without a data set"));
        assertTrue(robot.lookup(n -> n instanceof Label l && l.isVisible() && l.getText() != null
                && l.getText().contains("came without a data set")).tryQuery().isPresent());
    }

    private static Stage dialog(String title) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage st && title.equals(st.getTitle())
                && w.isShowing()).map(w -> (Stage) w).findFirst().orElse(null);
    }

    /** The window opens on Randomize; Tab walks the image's actions next, not 64 slider stops first. */
    @Test
    void tabStartsAtTheImagesActions(FxRobot robot) throws Exception {
        ready();
        Scene scene = robot.lookup("#randomize").query().getScene();
        waitFor(10, () -> scene.getFocusOwner() != null && "randomize".equals(scene.getFocusOwner().getId()));
        robot.type(KeyCode.TAB);
        assertEquals("reset", scene.getFocusOwner().getId());
    }

    /** A rate field reading "abc" keeps Start disabled and says why until a number is typed. */
    @Test
    void aSettingThatIsNotANumberKeepsStartDisabled(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#tab-training .tab-label");
        TextField rate = robot.lookup("#setting-d-learning-rate").queryAs(TextField.class);
        Button start = robot.lookup("#start-training").queryAs(Button.class);
        assertFalse(start.isDisabled());
        robot.interact(rate::requestFocus);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("abc");
        assertTrue(start.isDisabled());
        Label problem = robot.lookup("#settings-problem").queryAs(Label.class);
        assertEquals("D learning rate: \"abc\" is not a number.", problem.getText());
        assertTrue(rate.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid")));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("2e-4");
        assertFalse(start.isDisabled());
        assertEquals("", problem.getText());
    }

    /**
     * With a checkpoint loaded, the settings Start would not use are greyed (the steps and E's phase
     * stay open). The recipe buttons fill the settings from the recipe, leave Start enabled and make
     * it train a new model, which frees them; the other button goes back.
     */
    @Test
    void aRecipeButtonFillsTheSettings(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#tab-training .tab-label");
        robot.interact(() -> vm.training().resumeFromProperty().set(dir.resolve("step-00000100")));
        TextField rate = robot.lookup("#setting-d-learning-rate").queryAs(TextField.class);
        TextField alone = robot.lookup("#setting-e-alone-from-step").queryAs(TextField.class);
        assertEquals(List.of(true, false, true), List.of(rate.isDisabled(), alone.isDisabled(),
                robot.lookup("#settings-fixed-note").query().isVisible()));
        robot.clickOn("#recipe-gan-first");
        assertEquals(List.of(false, false), List.of(rate.isDisabled(), robot.lookup("#settings-fixed-note").query()
                .isVisible()));
        assertEquals(List.of(6.4e-3f, 32000f), List.of(Float.parseFloat(rate.getText()),
                Float.parseFloat(alone.getText())));
        assertFalse(robot.lookup("#start-training").queryAs(Button.class).isDisabled());
        assertEquals("", robot.lookup("#settings-problem").queryAs(Label.class).getText());
        assertNull(vm.training().resumeFromProperty().get(), "Start trains a new model");
        robot.clickOn("#recipe-encoder-first");
        assertEquals(List.of(1e-4f, 0f), List.of(Float.parseFloat(rate.getText()), Float.parseFloat(alone.getText())));
    }

    /**
     * Save checkpoint as… mid-run saves the weights as they are now (the paused step), not the
     * newest checkpoint on disk; after Stop the time estimate goes, and loading another checkpoint
     * clears the old run's charts.
     */
    @Test
    void saveAsSavesTheCurrentWeightsAndStaleStateIsCleared(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#tab-training .tab-label");
        var s = vm.training().settings();
        robot.interact(() -> {
            s.hiddenProperty().set(64);
            s.zdimProperty().set(8);
            s.batchProperty().set(32);
            s.stepsProperty().set(100_000);
            s.outDirProperty().set(dir.resolve("run"));
        });
        robot.clickOn("#start-training");
        waitFor(60, () -> vm.training().history().series("lossD").size() >= 3);
        robot.clickOn("#pause-training");
        waitFor(10, () -> vm.training().stateProperty().get() == TrainingState.PAUSED);
        Path mine = dir.resolve("mine");
        robot.interact(() -> vm.training().saveCheckpointAs(mine));
        waitFor(60, () -> Files.exists(mine.resolve(Checkpoints.MANIFEST)));
        long saved = Checkpoints.readManifest(mine).step();
        assertTrue(saved > 0, "a checkpoint at the paused step: " + saved);
        assertTrue(vm.training().statusProperty().get().startsWith("Saved the checkpoint"));
        robot.clickOn("#stop-training");
        waitFor(60, () -> vm.training().stateProperty().get() == TrainingState.IDLE);
        assertEquals(saved, Checkpoints.readManifest(dir.resolve("run")).step(), "stopped where it was paused");
        Path last = Checkpoints.resolve(dir.resolve("run"));
        assertEquals(-1, Files.mismatch(mine.resolve("generator.params"), last.resolve("generator.params")));
        String progress = vm.training().progressTextProperty().get();
        assertFalse(progress.contains("left"), progress);
        robot.interact(() -> vm.training().loadCheckpoint(AppPaths.bundledModel()));
        waitFor(30, () -> vm.training().history().series("lossD").size() == 0);
    }
}
