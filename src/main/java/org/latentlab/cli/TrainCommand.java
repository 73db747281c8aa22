package org.latentlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentlab.checkpoint.LatentDensityFile;
import org.latentlab.data.ImageDataset;
import org.latentlab.engine.TorchThreads;
import org.latentlab.model.Architecture;
import org.latentlab.model.ModelConfig;
import org.latentlab.session.TrainingSession;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.Recipe;
import org.latentlab.train.TrainConfig;
import org.latentlab.train.TrainingControl;
import org.latentlab.train.TrainingListener;
import org.latentlab.train.TrainingLoop;
import org.latentlab.train.TrainingProgress;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "train", description = "Trains a BiGAN and writes checkpoints to --out.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "mnist",
            description = "'mnist', a folder of IDX files, or a folder of images.") String data;
    @Option(names = "--arch", defaultValue = "mlp",
            description = "mlp or conv (default ${DEFAULT-VALUE}).") String arch;
    @Option(names = "--recipe", defaultValue = "encoder-first", paramLabel = "NAME",
            description = "Where the options start: encoder-first (the bundled model's: the best encoder, samples "
                    + "from the fitted density) or gan-first (a GAN trained for its prior, then E alone fitted to it "
                    + "for the last fifth of --steps: samples from the prior look like the data). Options given "
                    + "besides it override it (default ${DEFAULT-VALUE}).") String recipe;
    @Option(names = "--zdim", defaultValue = "" + ModelConfig.DEFAULT_ZDIM,
            description = "Latent size (default ${DEFAULT-VALUE}).") int zdim;
    @Option(names = "--hidden", description = "Hidden width (MLP) or base channels (conv).") Integer hidden;
    @Option(names = "--encoder", paramLabel = "KIND", description = "The encoder E: mlp or conv (default: the "
            + "architecture's). A conv E for the MLP model encodes better (MNIST: 1-NN +0.8 points, linear probe +2) "
            + "at 3 to 4 times E's cost. With --resume in E's phase (--encoder-only-from), another kind is a new E "
            + "fitted to the checkpoint's G from scratch.") String encoder;
    @Option(names = "--encoder-width", description = "E's hidden width (MLP) or base channels (conv); default: "
            + "the model's width for an E of its kind, else that kind's default.") Integer encoderWidth;
    @Option(names = "--image-size", defaultValue = "28",
            description = "Image size for image folders (default ${DEFAULT-VALUE}).") int imageSize;
    @Option(names = "--channels", defaultValue = "1",
            description = "1 (grayscale) or 3 (RGB) for image folders.") int channels;
    @ArgGroup(exclusive = true) Length length = new Length();
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The run folder: checkpoints step-NNNNNNNN and a LATEST pointer go here.") Path out;
    @Option(names = "--resume", paramLabel = "DIR", description = "Continue from this checkpoint.") Path resume;
    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the weights, the batches and the noise (default ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--batch", defaultValue = "" + TrainConfig.DEFAULT_BATCH,
            description = "Images per step (default ${DEFAULT-VALUE}).") int batch;
    @Option(names = "--lr-d", defaultValue = "" + TrainConfig.DEFAULT_LR_D,
            description = "Adam learning rate of the discriminator D (default ${DEFAULT-VALUE}).") float lrD;
    @Option(names = "--lr-ge", defaultValue = "" + TrainConfig.DEFAULT_LR_GE,
            description = "Adam learning rate of the generator G and encoder E (default ${DEFAULT-VALUE}).")
    float lrGE;
    @Option(names = "--adam-betas", defaultValue = TrainConfig.BETA1 + "," + TrainConfig.BETA2, split = ",",
            paramLabel = "B1,B2", description = "Adam's betas for D and for G+E (default ${DEFAULT-VALUE}; 0,0.9 "
                    + "with a normalised D and higher rates trains the GAN faster: docs/BENCHMARKS.md).")
    float[] adamBetas;
    @Option(names = "--encoder-only-from", defaultValue = "0", paramLabel = "STEP",
            description = "From this step on, only the encoder trains: it learns to invert G (G(E(x)) against x, G "
                    + "held fixed); D and G stay as they are. After a GAN trained for its prior (--lambda-x 0), "
                    + "this fits an encoder to it (0 = never; default ${DEFAULT-VALUE}). With --resume it replaces "
                    + "the checkpoint's.") long encoderOnlyFrom;
    @Option(names = "--encoder-prior", defaultValue = "0", paramLabel = "W",
            description = "While the encoder trains alone (--encoder-only-from), pull its codes toward the prior "
                    + "with this weight (the MMD of --lambda-prior, in that phase only): a better encoder and fitted "
                    + "density after a GAN, 10 measured best (0 = off; default ${DEFAULT-VALUE}). With --resume it "
                    + "replaces the checkpoint's.") float encoderPrior;
    @Option(names = "--g-average", defaultValue = "0", paramLabel = "DECAY",
            description = "Checkpoints, grids and samples use a moving average of G's weights with this decay (for "
                    + "example 0.999, about the last 1,000 steps), which draws better than G's last weights at fast "
                    + "learning rates (0 = off; default ${DEFAULT-VALUE}).") float generatorAverage;
    @Option(names = "--lambda-x", defaultValue = "" + TrainConfig.DEFAULT_LAMBDA_X,
            description = "x-cycle weight (0 = off; default ${DEFAULT-VALUE}).") float lambdaX;
    @Option(names = "--lambda-z", defaultValue = "" + TrainConfig.DEFAULT_LAMBDA_Z,
            description = "z-cycle weight (0 = off).") float lambdaZ;
    @Option(names = "--cycle-shift", defaultValue = "" + TrainConfig.DEFAULT_CYCLE_SHIFT, paramLabel = "PX",
            description = "The x-cycle encodes x moved by up to PX pixels and compares with x itself (0 = off; at most "
                    + TrainConfig.MAX_CYCLE_SHIFT + "; default ${DEFAULT-VALUE}).") int cycleShift;
    @Option(names = "--lambda-prior", defaultValue = "" + TrainConfig.DEFAULT_LAMBDA_PRIOR, paramLabel = "W",
            description = "Weight of the term that pulls the codes E(x) towards the prior, so samples from the prior "
                    + "look like the data (0 = off; default ${DEFAULT-VALUE}).") float lambdaPrior;
    @Option(names = "--code-noise", defaultValue = "0", paramLabel = "SIGMA",
            description = "Gaussian noise added to E(x) where G decodes it in the x-cycle and where it is compared "
                    + "with the prior, so G draws x from a neighbourhood of its code (0 = off; default "
                    + "${DEFAULT-VALUE}).") float codeNoise;
    @Option(names = "--instance-noise", defaultValue = "0", paramLabel = "SIGMA",
            description = "Gaussian noise added to every image D sees, real and generated, so D's two kinds of image "
                    + "overlap (0.1 gained nothing measurable over three seeds with --spectral-norm, "
                    + "docs/BENCHMARKS.md; 0 = off; default ${DEFAULT-VALUE}).") float instanceNoise;
    @Option(names = "--dropout", defaultValue = "" + ModelConfig.DEFAULT_DROPOUT,
            description = "Dropout in D.") float dropout;
    @Option(names = "--no-batchnorm", description = "No batch normalisation in G and E.") boolean noBatchNorm;
    @Option(names = "--image-score", description = "D also scores images alone (BigBiGAN's unary term).")
    boolean imageScore;
    @Option(names = "--spectral-norm", description = "Divide D's weights by their largest singular value, so D "
            + "cannot win by sharpening them (with --lr-d 4e-4 and weak cycles: better samples from the prior; "
            + "docs/BENCHMARKS.md).") boolean spectralNorm;
    @Option(names = "--reference",
            description = "Exactly the reference recipe (no batch norm, dropout or cycles).") boolean reference;
    @Option(names = "--limit", description = "Use only the first N training images.") Integer limit;
    @Option(names = "--threads",
            description = "Torch threads (default: all cores; the window trains with all but one).") Integer threads;
    @Option(names = "--log-every", defaultValue = "100", paramLabel = "STEPS",
            description = "Print the losses every STEPS steps (default ${DEFAULT-VALUE}).") int logEvery;
    @Option(names = "--checkpoint-every", defaultValue = "2000", paramLabel = "STEPS",
            description = "Save a checkpoint every STEPS steps, and always at the end (default ${DEFAULT-VALUE}).")
    int checkpointEvery;
    @Option(names = "--keep", defaultValue = "3",
            description = "Checkpoints kept in --out (default ${DEFAULT-VALUE}).") int keep;
    @Option(names = "--no-density",
            description = "Do not fit the latent density to the final encoder (see fit-density).")
    boolean noDensity;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    static final class Length {
        @Option(names = "--steps", description = "Total steps to reach.") Long steps;
        @Option(names = "--epochs", description = "Epochs (fractions allowed).") Double epochs;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter outw = spec.commandLine().getOut();
        TorchThreads.prepare(threads != null ? threads : TorchThreads.trainingThreads());
        if (logEvery < 1 || checkpointEvery < 1 || keep < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--log-every, --checkpoint-every and --keep must be at least 1");
        }
        try (TrainingSession session = TrainingSession.open(plan(), (done, total) -> {
            if (done < total) {
                outw.printf("decoding images %,d / %,d%n", done, total); // a folder's first time at this size
            }
        })) {
            BiGanTrainer trainer = session.trainer();
            ImageDataset ds = session.data();
            if (resume != null) {
                warnIgnoredWithResume(trainer);
            }
            long total = totalSteps(ds, trainer.config().batchSize());
            outw.printf("training %s on %s (%d images), %d parameters, steps %d -> %d%n", trainer.model().config(),
                    ds.name(), ds.count(), trainer.model().parameterCount(), trainer.step(), total);
            String command = "latentlab " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
            TrainingLoop.Result r = session.run(total, logEvery, Integer.MAX_VALUE, checkpointEvery, command,
                    listener(outw), new TrainingControl());
            if (!noDensity && r.lastCheckpoint() != null) {
                fitDensity(session, r.lastCheckpoint(), outw);
            }
            outw.println("done: step " + r.step() + ", checkpoint " + r.lastCheckpoint());
        }
        return 0;
    }

    private TrainingListener listener(PrintWriter outw) {
        return new TrainingListener() {
            @Override
            public void onProgress(TrainingProgress p) {
                outw.println(p.line() + "  rss " + ResidentMemory.megabytes() + " MB  heap "
                        + Runtime.getRuntime().totalMemory() / (1 << 20) + " MB");
            }

            @Override
            public void onCheckpoint(Path checkpoint, long step) {
                outw.println("checkpoint " + checkpoint);
            }

            @Override
            public void onWarning(String message) {
                spec.commandLine().getErr().println("warning: " + message);
            }
        };
    }

    /** The checkpoint is already safe: a density that cannot be fitted is reported, not a failed run. */
    private static void fitDensity(TrainingSession session, Path checkpoint, PrintWriter outw) throws IOException {
        long t0 = System.nanoTime();
        try {
            var g = session.fitDensity(checkpoint, LatentDensityFile.Settings.THOROUGH);
            outw.printf("fitted the latent density (%d components) in %.1f s%n", g.components(),
                    (System.nanoTime() - t0) / 1e9);
        } catch (IllegalArgumentException e) {
            outw.println("no latent density (samples will use the uniform prior): " + e.getMessage());
        }
    }

    /** Settings come from the checkpoint when resuming: say so, and name the options that were given in vain. */
    private void warnIgnoredWithResume(BiGanTrainer trainer) {
        var parsed = spec.commandLine().getParseResult();
        List<String> ignored = RECIPE_OPTIONS.stream().filter(parsed::hasMatchedOption).toList();
        if (!ignored.isEmpty()) {
            spec.commandLine().getErr().println("warning: " + String.join(", ", ignored)
                    + " ignored: a resumed run keeps the settings of its checkpoint");
        }
        spec.commandLine().getOut().println("resuming with " + trainer.config() + ", " + trainer.model().config());
    }

    /** The options that describe the model and the recipe, which a checkpoint fixes. */
    private static final List<String> RECIPE_OPTIONS = List.of("--recipe", "--data", "--arch", "--zdim", "--hidden",
            "--encoder-width", "--image-size", "--channels", "--seed", "--batch", "--lr-d", "--lr-ge", "--lambda-x",
            "--lambda-z", "--cycle-shift",
            "--lambda-prior", "--code-noise", "--instance-noise", "--adam-betas", "--g-average", "--dropout",
            "--no-batchnorm", "--image-score", "--spectral-norm", "--reference");

    private long totalSteps(ImageDataset ds, int batchSize) {
        if (length.steps != null) {
            return length.steps;
        }
        if (length.epochs != null) {
            return (long) Math.ceil(length.epochs * (ds.count() / batchSize));
        }
        throw new ParameterException(spec.commandLine(), "Give --steps N or --epochs E");
    }

    /**
     * The run the options ask for: resumed (its checkpoint fixes the networks and recipe), or fresh
     * from the options, where a bad value is a usage error naming it.
     */
    private TrainingSession.Plan plan() {
        if (resume != null) { // the checkpoint fixes the recipe, but for E's phase
            var parsed = spec.commandLine().getParseResult();
            var phase = new TrainConfig.EncoderPhase(parsed.hasMatchedOption("--encoder-only-from") ? encoderOnlyFrom
                    : null, parsed.hasMatchedOption("--encoder-prior") ? encoderPrior : null,
                    encoder == null ? null : kind("--encoder", encoder));
            return new TrainingSession.Plan(data, null, null, resume, out, keep, false, limit, phase);
        }
        try {
            startFrom(Recipe.named(recipe).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--recipe must be encoder-first or gan-first, not '" + recipe + "'")));
            Architecture a = kind("--arch", arch); // an imported model's kind is explored, not trained
            if (reference) {
                var mc = new ModelConfig(a, zdim, channels, imageSize, hidden != null ? hidden : 512, false, 0f, false);
                return new TrainingSession.Plan(data, mc, TrainConfig.reference(seed), null, out, keep, false, limit);
            }
            int width = hidden != null ? hidden : ModelConfig.defaultHidden(a, imageSize);
            var mc = new ModelConfig(a, zdim, channels, imageSize, width, !noBatchNorm, dropout, imageScore,
                    spectralNorm, encoder == null ? a : kind("--encoder", encoder),
                    encoderWidth != null ? encoderWidth : 0);
            var tc = TrainConfig.recipe(batch, lrD, lrGE, lambdaX, lambdaZ, seed, cycleShift)
                    .withLambdaPrior(lambdaPrior).withCodeNoise(codeNoise).withEncoderOnlyFrom(encoderOnlyFrom)
                    .withGeneratorAverage(generatorAverage).withEncoderPrior(encoderPrior)
                    .withInstanceNoise(instanceNoise);
            if (adamBetas.length != 2) {
                throw new ParameterException(spec.commandLine(), "--adam-betas takes two numbers, B1,B2 (for example "
                        + "0,0.9)");
            }
            tc = tc.withBetas(adamBetas[0], adamBetas[1]);
            return new TrainingSession.Plan(data, mc, tc, null, out, keep, false, limit);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The options the recipe sets and the command line does not: the recipe's values (Recipe is the one source). */
    private void startFrom(Recipe r) {
        var parsed = spec.commandLine().getParseResult();
        TrainConfig t = r.train(seed, length.steps != null ? length.steps : 0);
        if (t.encoderOnlyFrom() > 0 && length.steps == null && !parsed.hasMatchedOption("--encoder-only-from")) {
            throw new ParameterException(spec.commandLine(), "--recipe " + r.id() + " needs --steps (E trains alone "
                    + "for the last fifth of them), or --encoder-only-from");
        }
        Object[] values = {"--lr-d", t.lrD(), "--lr-ge", t.lrGE(), "--adam-betas", new float[] {t.beta1(), t.beta2()},
            "--lambda-x", t.lambdaX(), "--lambda-z", t.lambdaZ(), "--g-average", t.generatorAverage(),
            "--instance-noise", t.instanceNoise(), "--encoder-only-from", t.encoderOnlyFrom(), "--encoder-prior",
            t.encoderPrior(), "--spectral-norm", r.spectralNorm(), "--image-score", r.imageScore()};
        for (int i = 0; i < values.length; i += 2) {
            if (!parsed.hasMatchedOption((String) values[i])) {
                spec.findOption((String) values[i]).setValue(values[i + 1]);
            }
        }
    }

    /** The trainable architecture {@code option} names, else a usage error. */
    private Architecture kind(String option, String name) {
        return Architecture.trainable(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                option + " must be mlp or conv, not '" + name + "'"));
    }
}
