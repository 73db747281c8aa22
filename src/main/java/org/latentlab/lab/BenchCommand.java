package org.latentlab.lab;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.latentlab.checkpoint.Json;
import org.latentlab.data.BatchIterator;
import org.latentlab.data.DataSources;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.MnistDataset;
import org.latentlab.engine.TorchThreads;
import org.latentlab.latent.Prior;
import org.latentlab.model.Architecture;
import org.latentlab.model.BiGan;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Times the trainer: by default on the reference architecture of shared/reference (MLP 512,
 * batch 128); with {@code --arch conv}, the conv architecture with the default recipe at the
 * given image shape, against tools/conv_peer.py.
 */
@Command(name = "bench", description = "Prints JSON with training steps/s (the MLP reference, or --arch conv).")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--steps", description = "Timed steps per run (default 500; conv 30).") Integer steps;
    @Option(names = "--warmup",
            description = "Untimed steps first: the JVM and DJL reach their steady speed after a few hundred steps"
                    + " (default 500; conv 10).") Integer warmup;
    @Option(names = "--arch", defaultValue = "mlp",
            description = "mlp (the reference) or conv (default recipe).") String arch;
    @Option(names = "--image-size", defaultValue = "28",
            description = "Image size for --arch conv: 28, 32 or 64.") int imageSize;
    @Option(names = "--channels", defaultValue = "1", description = "Channels for --arch conv: 1 or 3.") int channels;
    @Option(names = "--hidden",
            description = "Base channels for --arch conv (default: the recipe's for the image size).")
    Integer hidden;
    @Option(names = "--threads", description = "Torch intra-op threads (default: all cores).") Integer threads;
    @Option(names = "--repeats", defaultValue = "3", description = "Timed runs; the median is reported.") int repeats;
    @Option(names = "--profile", paramLabel = "FILE",
            description = "Also write a Chrome trace of --steps more steps (libtorch's profiler) to FILE;"
                    + " tools/profile_summary.py sums it by operator.") Path profile;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        TorchThreads.prepare(t);
        if (arch.equalsIgnoreCase("conv")) {
            return conv(t);
        }
        int steps = this.steps != null ? this.steps : 500;
        int warmup = this.warmup != null ? this.warmup : 500;
        ModelConfig mc = ModelConfig.reference();
        TrainConfig tc = TrainConfig.reference(0);
        ImageDataset data = DataSources.load("mnist", MnistDataset.Split.TRAIN, 28, 1);
        double[] rates = timedRuns(mc, tc, data, warmup, steps);
        double median = rates[repeats / 2];
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("impl", "latentlab-djl-0.36.0-pytorch-2.7.1");
        out.put("threads", t);
        out.put("batch", tc.batchSize());
        out.put("steps", steps);
        out.put("repeats", repeats);
        out.put("steps_per_s", Math.round(median * 100) / 100.0);
        out.put("steps_per_s_all", rates);
        out.put("matmul_gflop_per_step", Math.round(FlopCount.stepFlops() / 1e7) / 100.0);
        out.put("reference_script_matmul_gflop_per_step",
                Math.round(FlopCount.referenceScriptStepFlops() / 1e7) / 100.0);
        out.put("matmul_gflops", Math.round(median * FlopCount.stepFlops() / 1e7) / 100.0);
        out.put("libtorch_matmul_peak_gflops_same_shapes", Math.round(MatmulPeak.gflops(3) * 10) / 10.0);
        out.put("malloc_tuned", System.getenv("MALLOC_MMAP_THRESHOLD_") != null);
        spec.commandLine().getOut().println(Json.COMPACT.toJson(out));
        return 0;
    }

    /** {@code repeats} timed runs of {@code steps} steps after {@code warmup} untimed ones: steps/s, sorted. */
    private double[] timedRuns(ModelConfig mc, TrainConfig tc, ImageDataset data, int warmup, int steps) {
        double[] rates = new double[repeats];
        try (NDManager manager = NDManager.newBaseManager();
                BiGanTrainer trainer = new BiGanTrainer(BiGan.seeded(mc, manager, 0), tc)) {
            BatchIterator batches = new BatchIterator(data, tc.batchSize(), 0);
            run(trainer, batches, warmup);
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                run(trainer, batches, steps);
                rates[r] = steps / ((System.nanoTime() - start) / 1e9);
            }
            if (profile != null) {
                JniUtils.startProfile(false, false, false);
                run(trainer, batches, steps);
                JniUtils.stopProfile(profile.toAbsolutePath().toString());
            }
        }
        Arrays.sort(rates);
        return rates;
    }

    private static void run(BiGanTrainer trainer, BatchIterator batches, int n) {
        for (int i = 0; i < n; i++) {
            trainer.train(batches.next(), Prior.sample(0, trainer.step(), 128, 32));
        }
    }

    /** The conv architecture's step with the default recipe, batch 128, on noise images of the shape asked for. */
    private int conv(int t) {
        int steps = this.steps != null ? this.steps : 30;
        int warmup = this.warmup != null ? this.warmup : 10;
        ModelConfig d = ModelConfig.defaults(Architecture.CONV, 32, channels, imageSize);
        ModelConfig mc = hidden != null ? d.withHidden(hidden) : d;
        TrainConfig tc = TrainConfig.defaults(0);
        byte[] noise = new byte[1024 * mc.pixels()];
        new Random(0).nextBytes(noise);
        ImageDataset data = new ImageDataset("noise", 1024, channels, imageSize, imageSize, noise, null, new String[0]);
        double[] rates = timedRuns(mc, tc, data, warmup, steps);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("impl", "latentlab-djl-0.36.0-pytorch-2.7.1");
        out.put("arch", "conv");
        out.put("image", channels + "x" + imageSize + "x" + imageSize);
        out.put("hidden", mc.hidden());
        out.put("threads", t);
        out.put("batch", tc.batchSize());
        out.put("steps", steps);
        out.put("steps_per_s", Math.round(rates[repeats / 2] * 100) / 100.0);
        out.put("steps_per_s_all", rates);
        spec.commandLine().getOut().println(Json.COMPACT.toJson(out));
        return 0;
    }
}
