package org.latentlab.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentlab.data.Animation;
import org.latentlab.data.ImageFiles;
import org.latentlab.data.ImageGrid;
import org.latentlab.engine.LatentModel;
import org.latentlab.engine.LatentModels;
import org.latentlab.engine.TorchThreads;
import org.latentlab.latent.Walk;
import org.latentlab.model.ModelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "walk", description = "Writes a walk through several keyframes of latent space (pictures, which are"
        + " encoded, or z as JSON) as an animated GIF or an MP4 video.")
final class WalkCommand implements Callable<Integer> {
    @Mixin ModelOption model;
    @Mixin PreparationOption preparation;
    @Option(names = "--keyframes", required = true, arity = "2..*", paramLabel = "KEYFRAME", description = "Two or"
            + " more keyframes, in order: pictures (PNG, JPEG, ...) to encode, or .json files with a z (what encode"
            + " prints, or an array of numbers).") List<Path> keyframes;
    @Option(names = "--frames-per-leg", defaultValue = "30", paramLabel = "N",
            description = "Frames from one keyframe to the next (default ${DEFAULT-VALUE}).") int framesPerLeg;
    @Option(names = "--easing", defaultValue = "smooth", paramLabel = "linear|smooth", description = "linear: even"
            + " speed; smooth: slowing down at each keyframe (default ${DEFAULT-VALUE}).") String easing;
    @Option(names = "--slerp", description = "Spherical instead of linear interpolation.") boolean slerp;
    @Option(names = "--fps", defaultValue = "25", description = "Frames a second, 1 to 60 (default ${DEFAULT-VALUE})."
            ) int fps;
    @Option(names = "--scale", defaultValue = "4",
            description = "Pixels per image pixel, 1 to 16 (default ${DEFAULT-VALUE}).") int scale;
    @Option(names = "--out", required = true, paramLabel = "WALK.gif|WALK.mp4",
            description = "The animation to write: .gif or .mp4.") Path out;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Walk.Settings settings = settings();
        TorchThreads.prepare(TorchThreads.trainingThreads());
        long t0 = System.nanoTime();
        try (LatentModel m = LatentModels.open(model.path())) {
            ModelConfig c = m.config();
            List<float[]> zs = new ArrayList<>();
            for (Path k : keyframes) {
                zs.add(keyframe(m, k));
            }
            List<BufferedImage> frames = ImageGrid.scaledFrames(m.walk(zs, settings), c.channels(), c.imageSize(),
                    scale);
            int n = frames.size();
            Animation.write(frames, out, fps);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d frames (%d keyframes, %.1f s at %d frames a"
                    + " second) to %s in %.1f s%n", n, zs.size(), n / (double) fps, fps, out,
                    (System.nanoTime() - t0) / 1e9);
        }
        return 0;
    }

    private Walk.Settings settings() {
        if (scale < 1 || scale > 16) {
            throw new ParameterException(spec.commandLine(), "--scale must be between 1 and 16");
        }
        if (fps < 1 || fps > 60) {
            throw new ParameterException(spec.commandLine(), "--fps must be between 1 and 60");
        }
        if (!Animation.isSupported(out)) {
            throw new ParameterException(spec.commandLine(), "--out must end in .gif or .mp4, not " + out);
        }
        try {
            return new Walk.Settings(framesPerLeg, Walk.Easing.parse(easing), slerp);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A keyframe's z: a .json file's, or the picture's code (encoded as the model encodes). */
    private float[] keyframe(LatentModel m, Path file) throws Exception {
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                return LatentFile.read(file, m.config().zdim(), m.prior().bound());
            }
            return m.encode(preparation.apply(m, ImageFiles.read(file)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
