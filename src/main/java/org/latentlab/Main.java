package org.latentlab;

import org.latentlab.cli.Cli;

/** Entry point: the window with no arguments, else the headless commands. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.exit(Cli.run(args));
    }
}
