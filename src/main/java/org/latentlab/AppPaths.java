package org.latentlab;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the bundled data and models live. The app home is, in order: the {@code latentlab.home}
 * system property, the folder above the jar's {@code lib/} or {@code target/} folder, or the
 * current folder.
 */
public final class AppPaths {
    private AppPaths() {}

    public static Path home() {
        String prop = System.getProperty("latentlab.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        Path fromJar = jarHome();
        if (fromJar != null) {
            return fromJar;
        }
        return Path.of("").toAbsolutePath();
    }

    public static Path bundledMnist() {
        return home().resolve("resources/datasets/mnist");
    }

    public static Path bundledModel() {
        return home().resolve("models/mnist-bigan");
    }

    /** The models that ship with the app: the checkpoint folders in models/, by name. */
    public static List<Path> bundledModels() {
        try (Stream<Path> s = Files.list(home().resolve("models"))) {
            return s.filter(p -> Files.isRegularFile(p.resolve("generator.params"))).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static Path bundledClassifier() {
        return home().resolve("models/digit-classifier");
    }

    /**
     * Where the window keeps its small settings (recent models): the {@code latentlab.config}
     * system property, else $XDG_CONFIG_HOME/latentlab, else ~/.config/latentlab.
     */
    public static Path configDir() {
        return userDir("latentlab.config", "XDG_CONFIG_HOME", ".config");
    }

    /**
     * Where the app keeps what it can compute again (decoded image folders, maps): the {@code
     * latentlab.cache} system property, else $XDG_CACHE_HOME/latentlab, else ~/.cache/latentlab.
     */
    public static Path cacheDir() {
        return userDir("latentlab.cache", "XDG_CACHE_HOME", ".cache");
    }

    /** The system property {@code property}, else $`xdg`/latentlab, else ~/`fallback`/latentlab. */
    private static Path userDir(String property, String xdg, String fallback) {
        String prop = System.getProperty(property);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String base = System.getenv(xdg);
        return (base != null && !base.isBlank() ? Path.of(base) : Path.of(System.getProperty("user.home"), fallback))
                .resolve("latentlab");
    }

    private static Path jarHome() {
        try {
            Path code = Path.of(AppPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code.getParent(); p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("resources/datasets/mnist"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
