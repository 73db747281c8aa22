package org.latentlab.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.latentlab.AppPaths;
import org.latentlab.data.DataDescription;

/**
 * Which classifier judges a model's samples: one made for the model's own data set, never another
 * (a digit classifier scores clothes as badly drawn digits). Either {@code dir} is set, or
 * {@code refusal} says in words why there are no classifier scores.
 */
public record ClassifierChoice(Path dir, String refusal) {
    /** The folder name {@code train-classifier} suggests inside a run folder, and that is searched there. */
    public static final String RUN_SUBFOLDER = "classifier";

    /**
     * The classifier for a model of {@code data} stored in {@code checkpoint}: {@code explicit} if
     * given (refused when it knows other data), else the first match in the checkpoint's folder, its
     * run folder and the app's {@code models/} folder.
     */
    public static ClassifierChoice find(Path explicit, Path checkpoint, DataDescription data) throws IOException {
        if (!data.labelled()) {
            return refuse("the data set " + data.name() + " has no labels, so no classifier can judge its samples");
        }
        if (explicit != null) {
            DataDescription known = ClassifierManifest.read(explicit).dataDescription();
            return fits(known, data) ? new ClassifierChoice(explicit, null)
                    : refuse("the classifier in " + explicit + " was trained on " + known.name() + " ("
                            + shape(known) + "), and this model on " + data.name() + " (" + shape(data) + ")");
        }
        for (Path candidate : candidates(checkpoint)) {
            ClassifierManifest m = ClassifierManifest.readIfAny(candidate);
            if (m != null && fits(m.dataDescription(), data)) {
                return new ClassifierChoice(candidate, null);
            }
        }
        return refuse("no classifier of " + data.name() + " was found beside the model or in models/; make one with"
                + " 'latentlab train-classifier --data " + data.source() + " --out <run folder>/" + RUN_SUBFOLDER
                + "'");
    }

    /** The same data set; a model whose manifest predates fingerprints takes a classifier of its shape and classes. */
    static boolean fits(DataDescription classifier, DataDescription model) {
        if (model.fingerprint() == null) {
            return classifier.channels() == model.channels() && classifier.size() == model.size()
                    && classifier.classNames().size() == model.classNames().size();
        }
        return classifier.sameData(model);
    }

    private static List<Path> candidates(Path checkpoint) throws IOException {
        List<Path> out = new ArrayList<>();
        if (checkpoint != null) {
            Path dir = checkpoint.toAbsolutePath();
            out.add(dir.resolve(RUN_SUBFOLDER));
            if (dir.getParent() != null) {
                out.add(dir.getParent().resolve(RUN_SUBFOLDER));
            }
        }
        Path models = AppPaths.home().resolve("models");
        if (Files.isDirectory(models)) {
            try (Stream<Path> s = Files.list(models)) {
                out.addAll(s.filter(Files::isDirectory).sorted().toList());
            }
        }
        return out;
    }

    private static String shape(DataDescription d) {
        return d.size() + "x" + d.size() + (d.channels() == 1 ? " gray" : " colour") + ", " + d.classNames().size()
                + " classes";
    }

    private static ClassifierChoice refuse(String why) {
        return new ClassifierChoice(null, "classifier scores are left out: " + why + ".");
    }
}
