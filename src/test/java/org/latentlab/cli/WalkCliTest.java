package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.AppPaths;
import org.latentlab.data.Pixels;
import org.latentlab.interop.TorchScriptFixtures;

/** latentlab walk: keyframes (pictures and z files) to an animated GIF and an MP4 that a decoder reads back. */
class WalkCliTest {
    @TempDir Path dir;

    private Path bar(String name, int x0, int y0, int x1, int y1) throws Exception {
        BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(x0, y0, x1 - x0, y1 - y0);
        g.dispose();
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    private Path zFile(String name, int zdim, float value) throws Exception {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < zdim; i++) {
            s.append(i == 0 ? "" : ",").append(i % 2 == 0 ? value : -value);
        }
        Path p = dir.resolve(name);
        Files.writeString(p, s.append(']').toString());
        return p;
    }

    @Test
    void theBundledModelWalksThroughPicturesAndZFilesAsGifAndMp4() throws Exception {
        String model = AppPaths.bundledModel().toString();
        String[] keys = {bar("one.png", 12, 4, 16, 24).toString(), zFile("z.json", 32, 0.3f).toString(),
            bar("dash.png", 4, 12, 24, 16).toString()};
        Path gif = dir.resolve("walk.gif");
        var r = CliTest.run("walk", "--model", model, "--keyframes", keys[0], keys[1], keys[2], "--frames-per-leg",
                "5", "--scale", "2", "--out", gif.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote 11 frames (3 keyframes"), r.out());
        assertEquals(11, gifFrames(gif));
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(gif),
                "the animation has the permissions of any new file");
        Path mp4 = dir.resolve("walk.mp4");
        r = CliTest.run("walk", "--model", model, "--keyframes", keys[0], keys[1], keys[2], "--frames-per-leg", "5",
                "--scale", "2", "--out", mp4.toString());
        assertEquals(0, r.code(), r.err());
        try (SeekableByteChannel ch = NIOUtils.readableChannel(mp4.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(ch);
            Picture first = grab.getNativeFrame();
            assertEquals(56, first.getCroppedWidth(), "the video is the frames' size");
            int frames = 1;
            while (grab.getNativeFrame() != null) {
                frames++;
            }
            assertEquals(11, frames);
            BufferedImage gifFirst = ImageIO.read(gif.toFile());
            assertEquals(meanLuminance(gifFirst), meanY(first.cropped()), 6, "the video's first frame is the GIF's");
        }
    }

    @Test
    void aColourGeneratorWithANormalPriorWalks() throws Exception {
        Path model = TorchScriptFixtures.importRgbNormal(dir.resolve("rgb"));
        Path gif = dir.resolve("rgb.gif");
        var r = CliTest.run("walk", "--model", model.toString(), "--keyframes", zFile("a.json", 8, 2.5f).toString(),
                zFile("b.json", 8, -2.5f).toString(), "--frames-per-leg", "3", "--slerp", "--easing", "linear",
                "--out", gif.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(4, gifFrames(gif));
        assertEquals(16 * 4, ImageIO.read(gif.toFile()).getWidth());
    }

    @Test
    void badWalksAreRefusedInWordsAndWriteNothing() throws Exception {
        String model = AppPaths.bundledModel().toString();
        String z = zFile("z.json", 32, 0.1f).toString();
        Path out = dir.resolve("walk.gif");
        assertRefused("--out must end in .gif or .mp4", "walk", "--model", model, "--keyframes", z, z, "--out",
                dir.resolve("walk.avi").toString());
        assertRefused("Expected 32 numbers", "walk", "--model", model, "--keyframes", z,
                zFile("short.json", 5, 0.1f).toString(), "--out", out.toString());
        assertRefused("linear or smooth", "walk", "--model", model, "--keyframes", z, z, "--easing", "bouncy", "--out",
                out.toString());
        assertRefused("Expected parameter 2 (of 2 mandatory parameters)", "walk", "--model", model, "--keyframes", z,
                "--out", out.toString());
        assertFalse(Files.exists(out));
    }

    private static void assertRefused(String message, String... args) {
        var r = CliTest.run(args);
        assertTrue(r.code() != 0, r.out());
        assertTrue(r.err().contains(message), r.err());
    }

    private static int gifFrames(Path gif) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            return reader.getNumImages(true);
        }
    }

    private static double meanLuminance(BufferedImage img) {
        double s = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                s += Pixels.luminance(img.getRGB(x, y));
            }
        }
        return s / (img.getWidth() * img.getHeight());
    }

    /** Mean luma of a decoded frame (JCodec keeps each byte as the value minus 128, full range). */
    private static double meanY(Picture p) {
        byte[] y = p.getPlaneData(0);
        double s = 0;
        for (byte b : y) {
            s += b + 128;
        }
        return s / y.length;
    }
}
