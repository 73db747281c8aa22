package org.latentlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tests run the JVM the app runs: the launchers' options and environment, from one source. */
class JvmSettingsTest {
    private static List<String> settings(String file) throws IOException {
        return Files.readAllLines(Path.of(System.getProperty("latentlab.home"), "jlink-config", file)).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void theLaunchersJvmOptionsApplyToTheTests() throws IOException {
        List<String> running = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> options = settings("jvm-options");
        assertTrue(options.size() >= 3, options.toString());
        for (String option : options) {
            assertTrue(running.contains(option), option + " missing from " + running);
        }
    }

    @Test
    void theLaunchersEnvironmentAppliesToTheTests() throws IOException {
        for (String line : settings("environment")) {
            String[] kv = line.split("=", 2);
            assertEquals(kv[1], System.getenv(kv[0]), kv[0]);
        }
    }
}
