package org.latentlab.lab;

import java.util.concurrent.Callable;
import org.latentlab.ui.UiBenchmark;
import picocli.CommandLine.Command;

@Command(name = "ui-bench",
        description = "Opens the window and measures its latencies (needs a display, e.g. xvfb-run).")
public final class UiBenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        UiBenchmark.launchAndMeasure();
        return 0;
    }
}
