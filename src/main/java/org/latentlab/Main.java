package org.latentlab;

import java.nio.file.Path;
import javafx.application.Application;
import org.latentlab.cli.Cli;
import org.latentlab.ui.LatentLabApp;

/**
 * Entry point: the window with no arguments, on a model with {@code open DIR} or {@code --model
 * DIR}, else the headless commands.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        if (args.length == 0) {
            window(null);
        }
        if (args.length == 2 && args[0].equals("--model")) {
            args = new String[] {"open", args[1]};
        }
        System.exit(Cli.run(args, Main::window));
    }

    private static void window(Path model) {
        if (model == null) {
            Application.launch(LatentLabApp.class);
        } else {
            Application.launch(LatentLabApp.class, model.toString());
        }
        System.exit(0);
    }
}
