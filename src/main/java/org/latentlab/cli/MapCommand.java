package org.latentlab.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.latentlab.engine.LatentMap;
import org.latentlab.engine.MapMethod;
import org.latentlab.engine.TorchEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The explorer's latent map as a table: each test image's place, label and index. */
@Command(name = "map", description = "Encodes the model's test images and lays their codes out in 2-D (PCA, UMAP or"
        + " t-SNE), as the explorer's map does, and writes one row per image as CSV.")
final class MapCommand implements Callable<Integer> {
    @Mixin ModelOption model;
    @Option(names = "--method", defaultValue = "umap", paramLabel = "pca|umap|tsne",
            description = "How the codes are laid out (default ${DEFAULT-VALUE}).") String method;
    @Option(names = "--out", required = true, paramLabel = "MAP.csv",
            description = "The table to write: index, label, class, x, y.") Path out;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MapMethod by;
        try {
            by = MapMethod.parse(method);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter log = spec.commandLine().getOut();
        long start = System.nanoTime();
        LatentMap map;
        try (TorchEngine engine = new TorchEngine()) {
            engine.loadModel(model.path()).join();
            map = engine.latentMap().join();
            double encoded = (System.nanoTime() - start) / 1e9;
            int[] shown = {-1};
            map = engine.latentMap(by, p -> {
                int tenth = (int) (p * 10);
                if (tenth > shown[0]) {
                    shown[0] = tenth;
                    log.printf(Locale.ROOT, "%s: %d %%%n", by.label(), tenth * 10);
                }
            }).join();
            log.printf(Locale.ROOT, "%d points: encoded in %.1f s, laid out by %s in %.1f s%n", map.size(), encoded,
                    by.label(), (System.nanoTime() - start) / 1e9 - encoded);
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        write(map);
        log.println("wrote " + out);
        return 0;
    }

    private void write(LatentMap map) throws Exception {
        StringBuilder b = new StringBuilder("index,label,class,x,y\n");
        for (int i = 0; i < map.size(); i++) {
            int label = map.labels()[i];
            String name = label >= 0 ? map.classNames()[label].replace("\"", "\"\"") : "";
            b.append(String.format(Locale.ROOT, "%d,%d,\"%s\",%.5f,%.5f%n", map.indices()[i], label, name,
                    map.xy()[2 * i], map.xy()[2 * i + 1]));
        }
        Files.writeString(out, b, StandardCharsets.UTF_8);
    }
}
