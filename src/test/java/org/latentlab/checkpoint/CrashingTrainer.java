package org.latentlab.checkpoint;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.latentlab.engine.TorchThreads;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.TestModels;
import org.latentlab.train.TrainingControl;
import org.latentlab.train.TrainingListener;
import org.latentlab.train.TrainingLoop;

/**
 * The process {@link KillDuringSaveTest} kills: trains a small model and saves a checkpoint after
 * every step into the run folder given as its argument, resuming that run when it holds one, until
 * it is killed. Prints "checkpoint N" after each save.
 */
public final class CrashingTrainer {
    private CrashingTrainer() {}

    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        TorchThreads.prepare(1);
        boolean resume = CheckpointStore.holdsRun(run);
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = resume ? CheckpointLoader.loadTrainer(run, m)
                        : TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            CheckpointStore store = resume ? CheckpointStore.forResumedRun(run, run,
                    2) : CheckpointStore.forNewRun(run, 2);
            var opts = new TrainingLoop.Options(Long.MAX_VALUE / 2, 1_000_000, Integer.MAX_VALUE, 1, store,
                    TestModels.MNIST_DATA,
                    "crash test");
            TrainingListener printer = new TrainingListener() {
                @Override
                public void onCheckpoint(Path checkpoint, long step) {
                    System.out.println("checkpoint " + step);
                    System.out.flush();
                }
            };
            new TrainingLoop(t, TestModels.mnist(256), opts, printer, new TrainingControl()).run();
        }
    }
}
