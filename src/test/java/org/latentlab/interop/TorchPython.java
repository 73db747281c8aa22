package org.latentlab.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs tools/latentlab_torch.py with a Python that has PyTorch (Debian's python3-torch). */
final class TorchPython {
    /** Set by .ci/run, which installs python3-torch: there the PyTorch tests must run, not be skipped. */
    static final String REQUIRE = "LATENTLAB_REQUIRE_TORCH";
    static final Path SCRIPT = Path.of("tools", "latentlab_torch.py");

    private TorchPython() {}

    static boolean required() {
        return System.getenv(REQUIRE) != null;
    }

    /** The first of python3 on the PATH and Debian's /usr/bin/python3 that imports torch, or null. */
    static String find() throws Exception {
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

    /** Runs the script with these arguments; its standard output, or an error with its output. */
    static String run(String python, Object... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(python, SCRIPT.toString()));
        for (Object a : args) {
            cmd.add(a.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed:\n" + out + err);
        }
        return out;
    }
}
