package org.latentlab.interop;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.latentlab.cli.Cli;

/** Runs tools/latentlab_torch.py with a Python that has PyTorch (Debian's python3-torch). */
public final class TorchPython {
    /** Set by .ci/run, which installs python3-torch: there the PyTorch tests must run, not be skipped. */
    public static final String REQUIRE = "LATENTLAB_REQUIRE_TORCH";
    static final Path SCRIPT = Path.of("tools", "latentlab_torch.py");

    private TorchPython() {}

    public static boolean required() {
        return System.getenv(REQUIRE) != null;
    }

    /**
     * A Python with PyTorch, or the test is skipped where there is none; where PyTorch is required
     * ({@link #REQUIRE}) a missing one fails the test instead.
     */
    public static String requireOrSkip() throws Exception {
        String python = find();
        Assumptions.assumeTrue(python != null || required(), "no Python with PyTorch here");
        Assertions.assertTrue(python != null, "PyTorch is required here (" + REQUIRE + ") but no python3 has it");
        return python;
    }

    /** The first of python3 on the PATH and Debian's /usr/bin/python3 that imports torch, or null. */
    public static String find() throws Exception {
        for (String p : new String[] {"python3", "/usr/bin/python3"}) {
            try {
                Process proc = new ProcessBuilder(p, "-c", "import torch").redirectErrorStream(true).start();
                proc.getInputStream().readAllBytes();
                if (proc.waitFor(60, TimeUnit.SECONDS) && proc.exitValue() == 0) {
                    return p;
                }
            } catch (IOException e) {
                // not installed: try the next
            }
        }
        return null;
    }

    /** {@code latentlab import-run} of a run of the script into {@code out}, no density; fails unless it works. */
    public static Path imported(Path run, Path out) {
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"import-run", run.toString(), "--out", out.toString(), "--no-density"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        Assertions.assertEquals(0, code, err.toString());
        return out;
    }

    /** Runs the script with these arguments; its standard output, or an error with its output. */
    public static String run(String python, Object... args) throws Exception {
        return exec(new ArrayList<>(List.of(python, SCRIPT.toString())), args);
    }

    /**
     * Runs the script under torchrun, {@code processes} processes on this machine (gloo on CPUs).
     * Why --redirects 1 --tee 1 (each worker's output to a file and to ours): Debian's torchrun
     * (PyTorch 1.13 on Python 3.11) reads the default "0" as no setting and fails before starting.
     */
    public static String torchrun(String python, int processes, Object... args) throws Exception {
        return exec(new ArrayList<>(List.of(python, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node",
                Integer.toString(processes), "--redirects", "1", "--tee", "1", SCRIPT.toString())), args);
    }

    private static String exec(List<String> cmd, Object... args) throws Exception {
        for (Object a : args) {
            cmd.add(a.toString());
        }
        // both streams to files, read once it has ended: a full pipe would block the process, and
        // reading a pipe would wait for ever on a process that hangs (a PyTorch error in backward
        // once left one waiting on a lock at exit, and the test with it)
        Path output = Files.createTempFile("latentlab-torch", ".out");
        Path errors = Files.createTempFile("latentlab-torch", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            boolean ended = p.waitFor(120, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor();
            }
            String out = Files.readString(output);
            if (!ended || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", cmd) + (ended ? " failed:\n" : " ran past 120 s:\n") + out
                        + Files.readString(errors));
            }
            return out;
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }
}
