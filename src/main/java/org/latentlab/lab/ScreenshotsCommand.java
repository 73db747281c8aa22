package org.latentlab.lab;

import java.util.concurrent.Callable;
import org.latentlab.ui.ScreenshotTour;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "screenshots",
        description = "Uses every tab as a user would and saves a PNG of each (needs a display, e.g. Xvfb).")
public final class ScreenshotsCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "docs/screenshots", description = "Folder for the PNGs.") String out;

    @Override
    public Integer call() {
        ScreenshotTour.launchInto(out);
        return 0;
    }
}
