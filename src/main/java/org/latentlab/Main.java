package org.latentlab;

import org.latentlab.cli.Cli;

/** Entry point: the window with no arguments, else the headless commands. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        if (args.length == 0) {
            javafx.application.Application.launch(org.latentlab.ui.LatentLabApp.class);
            System.exit(0);
        }
        System.exit(Cli.run(args));
    }
}
