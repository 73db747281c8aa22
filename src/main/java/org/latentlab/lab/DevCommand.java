package org.latentlab.lab;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The lab's commands, apart from the product's: speed benchmarks, the window's latency benchmark
 * and the screenshot tour. {@code latentlab dev --help} lists them; the main help does not.
 */
@Command(name = "dev", hidden = true, description = "Commands for developing Latent Lab: benchmarks and screenshots.",
        subcommands = {BenchCommand.class, UiBenchCommand.class, ScreenshotsCommand.class, ProjectionBenchCommand.class,
                CommandLine.HelpCommand.class})
public final class DevCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
