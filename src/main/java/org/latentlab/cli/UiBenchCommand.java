package org.latentlab.cli;

import java.util.concurrent.Callable;
import javafx.application.Application;
import org.latentlab.ui.UiBenchmark;
import picocli.CommandLine.Command;

@Command(name = "ui-bench", description = "Opens the window and measures its latencies (needs a display, e.g. xvfb-run).")
final class UiBenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Application.launch(UiBenchmark.class);
        return 0;
    }
}
