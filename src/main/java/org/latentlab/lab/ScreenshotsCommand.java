package org.latentlab.lab;

import java.util.concurrent.Callable;
import org.latentlab.ui.ScreenshotTour;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "screenshots",
        description = "Uses every tab as a user would and saves a PNG of each (needs a display, e.g. Xvfb).")
public final class ScreenshotsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", defaultValue = "docs/screenshots", description = "Folder for the PNGs.") String out;

    @Option(names = "--size", paramLabel = "WxH",
            description = "The window's size, e.g. 1024x700 (default: 1480x920 or the screen, if smaller).")
    String size;

    @Option(names = "--model", paramLabel = "DIR", description = "A model folder to tour instead of the bundled model.")
    String model;

    @Override
    public Integer call() {
        if (size != null && !size.matches("\\d{3,4}x\\d{3,4}")) {
            throw new ParameterException(spec.commandLine(), "--size takes WIDTHxHEIGHT, e.g. 1024x700, not " + size);
        }
        ScreenshotTour.launchInto(out, size, model);
        return 0;
    }
}
