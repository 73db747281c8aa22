package org.latentlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.latentlab.lab.DevCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless commands. Exit codes: 0 success, 1 failure (one line on stderr), 2 bad usage. */
@Command(name = "latentlab", mixinStandardHelpOptions = true, version = "Latent Lab 0.1.0",
        scope = CommandLine.ScopeType.INHERIT, // so that every command answers --help
        description = "Train a BiGAN with an encoder and explore its latent space.",
        subcommands = {TrainCommand.class, SampleCommand.class, EncodeCommand.class, DecodeCommand.class,
            ReconstructCommand.class, InterpolateCommand.class, WalkCommand.class, MapCommand.class, EvalCommand.class,
            FitDensityCommand.class, ExportCommand.class, ImportCommand.class, ImportRunCommand.class,
            TrainClassifierCommand.class, DevCommand.class, CommandLine.HelpCommand.class})
public final class Cli {
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    /** Opens the desktop window on a model (the launcher lives above the command line, with JavaFX). */
    @FunctionalInterface
    public interface WindowLauncher {
        void open(Path model);
    }

    public static int run(String[] args, WindowLauncher window) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), window);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, model -> {
            throw new IllegalStateException("the window cannot be opened from here");
        });
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err, WindowLauncher window) {
        CommandLine cl = new CommandLine(new Cli());
        cl.addSubcommand("open", new OpenCommand(window));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            LOG.debug("Command failed", ex);
            cmd.getErr().println("error: " + message(ex));
            return 1;
        });
        return cl.execute(args);
    }

    static String message(Throwable ex) {
        Throwable t = ex;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return m.replace('\n', ' ');
    }
}
