package org.latentlab.cli;

import java.io.PrintWriter;
import org.latentlab.lab.DevCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless commands. Exit codes: 0 success, 1 failure (one line on stderr), 2 bad usage. */
@Command(name = "latentlab", mixinStandardHelpOptions = true, version = "Latent Lab 0.1.0",
        scope = CommandLine.ScopeType.INHERIT, // so that every command answers --help
        description = "Train a BiGAN with an encoder and explore its latent space.",
        subcommands = {TrainCommand.class, SampleCommand.class, EncodeCommand.class, ReconstructCommand.class,
            InterpolateCommand.class,
            EvalCommand.class, FitDensityCommand.class, ExportCommand.class, TrainClassifierCommand.class,
                    DevCommand.class,
            CommandLine.HelpCommand.class})
public final class Cli {
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
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
