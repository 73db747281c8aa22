package org.latentlab.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.checkpoint.LatentDensityFile;
import org.latentlab.checkpoint.LossLog;
import org.latentlab.data.DataDescription;
import org.latentlab.data.DataFormatException;
import org.latentlab.data.DataSources;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.MnistDataset;
import org.latentlab.engine.TorchThreads;
import org.latentlab.interop.ImportException;
import org.latentlab.interop.TorchRunImport;
import org.latentlab.train.BiGanTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-run", description = "Makes a Latent Lab checkpoint of the newest checkpoint of a run of"
        + " tools/latentlab_torch.py train (one process, or many under torchrun): weights, Adam state, recipe and"
        + " step, and the latent density fitted to its encoder. The window explores it; train --resume continues it.")
final class ImportRunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR",
            description = "The --out folder of the PyTorch run, or one of its step-NNNNNNNN folders.") Path run;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The new checkpoint folder.") Path out;
    @Option(names = "--data", paramLabel = "DIR", description = "Where the run's data are on this machine ('mnist', an"
            + " IDX folder or an image folder), when not at the path the run read them from.") String data;
    @Option(names = "--no-density", description = "Do not fit the latent density (see fit-density).") boolean noDensity;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TorchThreads.prepare(TorchThreads.trainingThreads());
        PrintWriter outw = spec.commandLine().getOut();
        TorchRunImport.RunCheckpoint r;
        try {
            r = TorchRunImport.read(run);
        } catch (ImportException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        Checkpoints.requireReplaceable(out);
        String source = data != null ? data : r.dataSource();
        ImageDataset train = loadData(source, r, outw);
        DataDescription description = train != null ? DataDescription.of(source, train)
                : DataDescription.implied(source == null ? "" : source, r.model().channels(), r.model().imageSize());
        String command = r.command() != null ? r.command() : "tools/latentlab_torch.py train (PyTorch)";
        try (NDManager manager = NDManager.newBaseManager(); BiGanTrainer t = TorchRunImport.trainer(r, manager)) {
            Checkpoints.save(t, out, description, command, Map.of());
            LossLog.carryOver(r.dir(), r.step(), out); // its charts, when the window opens it
            outw.printf("imported step %d of %s (%s, z %d) to %s%n", r.step(), r.dir(), r.model().kindText(),
                    r.model().zdim(), out);
            if (train != null && !noDensity) {
                var g = LatentDensityFile.fitAndAttach(t.model(), train, out, LatentDensityFile.Settings.THOROUGH,
                        r.train().seed());
                outw.printf("fitted the latent density (%d components)%n", g.components());
            }
        } catch (ImportException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** The run's training images here, or null (said in words) when they are not on this machine. */
    private static ImageDataset loadData(String source, TorchRunImport.RunCheckpoint r, PrintWriter outw)
            throws IOException {
        if (source == null) {
            outw.println("The run does not name its data: give --data DIR to fit its density and explore its data.");
            return null;
        }
        try {
            return DataSources.load(source, MnistDataset.Split.TRAIN, r.model().imageSize(), r.model().channels());
        } catch (DataFormatException e) {
            outw.println("The run's data are not here (" + e.getMessage() + "): the model is imported without a"
                    + " density; give --data DIR where they are to fit it and to explore its data.");
            return null;
        }
    }
}
