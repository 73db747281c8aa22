package org.latentlab;

import javafx.application.Application;
import org.latentlab.cli.Cli;
import org.latentlab.ui.LatentLabApp;

/** Entry point: the window with no arguments, else the headless commands. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        if (args.length == 0) {
            Application.launch(LatentLabApp.class);
            System.exit(0);
        }
        System.exit(Cli.run(args));
    }
}
