package org.latentlab.train;

import static org.latentlab.train.PairLogits.meanJointProbability;
import static org.latentlab.train.PairLogits.split;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.latentlab.data.ImageShift;
import org.latentlab.model.BiGan;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.TorchGate;

/**
 * One BiGAN training step, no threads and no UI: a D step, then a G+E step.
 *
 * <p>D maximises log D(x, E(x)) + log(1 - D(G(z), z)); G and E minimise the non-saturating form
 * with labels flipped, plus the optional cycle terms. D is frozen during the G+E step, so no
 * gradient leaks into D's next update (DJL does not zero gradients when a collector opens).
 *
 * <p>{@code tools/latentlab_train.py} is this recipe in plain PyTorch, for torchrun: change both
 * (TorchTrainerParityTest checks that they compute the same losses and weights).
 */
public final class BiGanTrainer implements AutoCloseable {
    private final BiGan model;
    private final TrainConfig config;
    private final AdamOptimizer dOptimizer;
    private final AdamOptimizer geOptimizer;
    private final Set<Parameter> dParameters;
    private final Set<Parameter> eParameters;
    private final StepInput input;
    private final EncoderPhaseView encoderPhaseView = new EncoderPhaseView();
    // null: G's own weights are the ones sampled (no average, or E's phase made G the average for good)
    private GeneratorAverage average;
    private float[] shifted; // the x-cycle's shifted copy of x, reused
    private long step;

    public BiGanTrainer(BiGan model, TrainConfig config) {
        this.model = model;
        this.config = config;
        List<Parameter> d = BiGan.trainable(model.discriminator());
        List<Parameter> ge = BiGan.trainable(model.generator(), model.encoder());
        this.dParameters = new HashSet<>(d);
        this.eParameters = new HashSet<>(BiGan.trainable(model.encoder()));
        ModelConfig mc = model.config();
        this.input = new StepInput(new Shape(config.batchSize(), mc.channels(), mc.imageSize(), mc.imageSize()),
                new Shape(config.batchSize(), mc.zdim()));
        this.dOptimizer = new AdamOptimizer(d, model.manager(), config.lrD(), config.beta1(), config.beta2());
        this.geOptimizer = new AdamOptimizer(ge, model.manager(), config.lrGE(), config.beta1(), config.beta2());
        this.average = config.generatorAverage() > 0
                ? new GeneratorAverage(model.generator(), model.manager(), config.generatorAverage()) : null;
    }

    public BiGan model() {
        return model;
    }

    public TrainConfig config() {
        return config;
    }

    public long step() {
        return step;
    }

    public AdamOptimizer dOptimizer() {
        return dOptimizer;
    }

    public AdamOptimizer geOptimizer() {
        return geOptimizer;
    }

    /**
     * Runs {@code work} with the G one samples in G's place: the moving average of its weights where
     * the recipe keeps one, else G as it is. Checkpoints, progress grids and densities go through it.
     */
    public <T, X extends Exception> T withSamplingGenerator(GeneratorAverage.Work<T, X> work) throws X {
        return average == null ? work.run() : average.withAverage(work);
    }

    /** Whether G's training weights differ from the sampled ones (a checkpoint then keeps both). */
    public boolean keepsTrainingGenerator() {
        return average != null;
    }

    /** After loading the sampled G into G: the average starts there, then G's own weights, if kept, come back. */
    public <X extends Exception> void restoreGenerator(GeneratorAverage.Work<Void, X> loadTrainingWeights) throws X {
        if (average == null) {
            return;
        }
        average.restartAtWeights();
        if (loadTrainingWeights != null) {
            loadTrainingWeights.run();
        }
    }

    /** Sets the step counter after restoring a checkpoint. */
    public void restoreStep(long restored) {
        this.step = restored;
    }

    /**
     * Trains on one batch. {@code x}: B*C*S*S pixels in [0, 1]; {@code z}: B*zdim prior samples.
     * The torch generator is seeded per step so dropout, and so a resumed run, is reproducible.
     */
    public StepStats train(float[] x, float[] z) {
        if (average != null && config.encoderOnlyAt(step)) {
            average.copyIntoGenerator(); // E learns to invert the G that is sampled, which G now is for good
            average.close();
            average = null;
        }
        StepStats stats = trainStep(x, z);
        if (average != null) {
            average.update(); // outside the collector: no graph recorded
        }
        return stats;
    }

    private StepStats trainStep(float[] x, float[] z) {
        try (NDManager m = model.manager().newSubManager(); GradientCollector gc = TorchGate.collect()) {
            // inside the gate: no other thread draws
            Engine.getInstance().setRandomSeed((int) (config.seed() * 7919 + step));
            NDArray[] in = input.wrap(m, x, z);
            if (config.encoderOnlyAt(step)) {
                float[] e = encoderOnlyStep(gc, in[0], in[1], cycleInput(m, x));
                step++;
                return new StepStats(step, e[0], e[1], e[2], e[3], e[4]);
            }
            // E(x) and G(z) once a step, recorded: the D step takes them detached (torch's detach),
            // the G+E step back-propagates through them after D's update, as PyTorch's DCGAN
            // example does with G(z). The reference computes them twice: 12 % of a step's FLOPs.
            NDArray ex = model.encode(in[0], true);   // (B, zdim)
            NDArray gz = model.generate(in[1], true); // (B, C, S, S)
            // What D sees: one draw of instance noise for both steps (σ 0.1 in MNIST's GAN-first game,
            // three seeds: 8.77, 8.74, 8.68 from the prior at 32,000 steps, 8.69, 8.72, 8.77 without).
            StepImages images = StepImages.of(in[0], gz, config.instanceNoise());
            float[] d = discriminatorStep(gc, images.seenX(), in[1], ex.stopGradient(), images.seenGz().stopGradient());
            float[] ge = generatorEncoderStep(gc, images, in[1], ex, cycleInput(m, x));
            step++;
            return new StepStats(step, d[0], ge[0], ge[1], d[1], d[2]);
        }
    }

    /** Only the D step, for tests: returns {lossD, mean D(x,E(x)), mean D(G(z),z)}. */
    float[] trainDiscriminatorOnly(float[] x, float[] z) {
        try (NDManager m = model.manager().newSubManager(); GradientCollector gc = TorchGate.collect()) {
            NDArray[] in = input.wrap(m, x, z);
            NDArray ex = model.encode(in[0], true).stopGradient();
            NDArray gz = model.generate(in[1], true).stopGradient();
            StepImages images = StepImages.of(in[0], gz, config.instanceNoise());
            return discriminatorStep(gc, images.seenX(), in[1], ex, images.seenGz());
        }
    }

    /** Only the G+E step, for tests: returns {adversarial loss, cycle loss}. */
    float[] trainGeneratorEncoderOnly(float[] x, float[] z) {
        try (NDManager m = model.manager().newSubManager(); GradientCollector gc = TorchGate.collect()) {
            NDArray[] in = input.wrap(m, x, z);
            StepImages images = StepImages.of(in[0], model.generate(in[1], true), config.instanceNoise());
            return generatorEncoderStep(gc, images, in[1], model.encode(in[0], true), cycleInput(m, x));
        }
    }

    /**
     * Returns {lossD, mean D(x,E(x)), mean D(G(z),z)}. {@code ex} and {@code gz} are detached, so
     * the backward pass reaches D's weights only.
     */
    private float[] discriminatorStep(GradientCollector gc, NDArray x, NDArray z, NDArray ex, NDArray gz) {
        NDArray[] logits = split(model.discriminate(x.concat(gz), ex.concat(z), true));
        NDArray real = logits[0];
        NDArray fake = logits[1];
        NDArray loss = discriminatorLoss(real, fake);
        gc.backward(loss);
        dOptimizer.step();
        return new float[] {loss.getFloat(), meanJointProbability(real), meanJointProbability(fake)};
    }

    /**
     * The x-cycle's input when it is shifted: x moved by up to {@code cycleShift} px, the same
     * moves for a given seed and step (so a resumed run repeats them); null when not shifted.
     */
    private NDArray cycleInput(NDManager m, float[] x) {
        if (config.cycleShift() == 0 || (config.lambdaX() == 0 && !config.encoderOnlyAt(step))) {
            return null;
        }
        if (shifted == null) {
            shifted = new float[x.length];
        }
        ImageShift.randomShift(x, shifted, model.config().channels(), model.config().imageSize(), config.cycleShift(),
                new Random(config.seed() * 1_000_003L + step));
        return input.wrapShifted(m, shifted);
    }

    /**
     * Returns {adversarial loss, weighted cycle loss}; {@code ex} and the images' G(z) carry E's and
     * G's graph; D judges what it sees, the cycles compare with x and G(z) themselves;
     * {@code shiftedX} is the x-cycle's shifted input, or null for the plain x-cycle.
     */
    private float[] generatorEncoderStep(GradientCollector gc, StepImages images, NDArray z, NDArray ex,
            NDArray shiftedX) {
        model.discriminator().freezeParameters(true, dParameters::contains);
        try {
            NDArray[] logits = split(model.discriminatePairsForInputGradients(images.seenX(), ex, images.seenGz(),
                    z, true));
            NDArray real = logits[0];
            NDArray fake = logits[1];
            NDArray adversarial = discriminatorLoss(fake, real); // the labels flipped
            NDArray cycle = adversarial.zerosLike();
            NDArray noisyEx = GaussianNoise.added(ex, config.codeNoise()); // (B, zdim)
            if (config.lambdaX() > 0) {
                // Shifted: E sees x moved a little and G must still draw x itself, so E learns to
                // give nearby codes to small moves of a digit (linear probe +2 points, measured).
                NDArray code = shiftedX == null ? noisyEx
                        : GaussianNoise.added(model.encode(shiftedX, true), config.codeNoise()); // (B, zdim)
                cycle = cycle.add(Losses.scale(Losses.sumSquaredPerRow(model.generate(code, true), images.x()),
                        config.lambdaX()));
            }
            if (config.lambdaZ() > 0) {
                NDArray zCycle = Losses.sumSquaredPerRow(model.encode(images.gz(), true), z); // (B)
                cycle = cycle.add(Losses.scale(zCycle, config.lambdaZ()));
            }
            if (config.lambdaPrior() > 0) {
                cycle = cycle.add(Losses.scale(PriorMatch.mmd(noisyEx, z), config.lambdaPrior()));
            }
            gc.backward(adversarial.add(cycle));
            geOptimizer.step();
            return new float[] {adversarial.getFloat(), cycle.getFloat()};
        } finally {
            model.discriminator().freezeParameters(false, dParameters::contains);
        }
    }

    /**
     * E alone learns to invert G: the squared error of G(E(x')) against x (x' the x-cycle's shifted
     * x, or x), through G held fixed and drawing as it draws after training (running batch
     * statistics), plus E(x')'s pull to the prior if the recipe asks (MMD against the step's prior
     * draws: 1-NN +0.6 points, the fitted density's Fréchet distance 12.7 against 14.8, BENCHMARKS);
     * D and G do not change. Returns StepStats' five figures: D's view of the pairs is measured
     * ({@link EncoderPhaseView}), not trained, so the charts go on showing the game.
     */
    private float[] encoderOnlyStep(GradientCollector gc, NDArray x, NDArray z, NDArray shiftedX) {
        model.generator().freezeParameters(true);
        model.discriminator().freezeParameters(true, dParameters::contains);
        try {
            NDArray code = model.encode(shiftedX == null ? x : shiftedX, true); // (B, zdim)
            NDArray cycle = Losses.sumSquaredPerRow(model.generate(code, false), x);
            if (config.encoderPrior() > 0) {
                cycle = cycle.add(Losses.scale(PriorMatch.mmd(code, z), config.encoderPrior()));
            }
            gc.backward(cycle);
            geOptimizer.step(eParameters::contains);
            float[] view = encoderPhaseView.at(step, () -> discriminatorView(x, z));
            return new float[] {view[0], view[1], cycle.getFloat(), view[2], view[3]};
        } finally {
            model.generator().freezeParameters(false);
            model.discriminator().freezeParameters(false, dParameters::contains);
        }
    }

    /** D's view of (x, E(x)) and (G(z), z), no graph: {lossD, adversarial loss, mean D(x, E(x)), mean D(G(z), z)}. */
    private float[] discriminatorView(NDArray x, NDArray z) {
        NDArray ex = model.encode(x, false).stopGradient(); // (B, zdim)
        NDArray gz = model.generate(z, false).stopGradient(); // (B, C, S, S)
        NDArray[] logits = split(model.discriminate(x.concat(gz), ex.concat(z), false));
        return new float[] {discriminatorLoss(logits[0], logits[1]).getFloat(),
            discriminatorLoss(logits[1], logits[0]).getFloat(), meanJointProbability(logits[0]),
            meanJointProbability(logits[1])};
    }

    /** D's loss on the pairs it should call real and fake (swapped: the G+E step's adversarial loss). */
    private NDArray discriminatorLoss(NDArray real, NDArray fake) {
        return scores(Losses.bceWithLogits(real, true).add(Losses.bceWithLogits(fake, false)));
    }

    /** Times k, the mean BCE over k scores a pair is their sum (BigBiGAN): the joint term keeps its weight. */
    private NDArray scores(NDArray meanOverScores) {
        int k = model.config().discriminatorOutputs();
        return k == 1 ? meanOverScores : Losses.scale(meanOverScores, k);
    }

    @Override
    public void close() {
        if (average != null) {
            average.close();
        }
        dOptimizer.close();
        geOptimizer.close();
    }
}
