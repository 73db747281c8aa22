package org.latentlab.engine;

import ai.djl.engine.Engine;
import java.util.LinkedHashMap;
import java.util.Map;

/** The versions a bug report needs (Help → About): the app, DJL, libtorch, Java, JavaFX, the system. */
public final class Versions {
    private Versions() {}

    public static Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        String app = Versions.class.getPackage().getImplementationVersion();
        m.put("Latent Lab", app != null ? app : "development build");
        m.put("DJL", Engine.getDjlVersion());
        try {
            m.put("PyTorch (libtorch)", Engine.getEngine("PyTorch").getVersion());
        } catch (RuntimeException | LinkageError e) {
            m.put("PyTorch (libtorch)", "not loaded (" + e.getMessage() + ")");
        }
        m.put("Java", Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
        m.put("JavaFX", System.getProperty("javafx.runtime.version", "unknown"));
        m.put("System", System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        return m;
    }
}
