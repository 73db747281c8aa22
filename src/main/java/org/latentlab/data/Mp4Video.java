package org.latentlab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

/**
 * Frames as an H.264 MP4 video (JCodec, pure Java), for players and web pages that take no GIF.
 * H.264 codes the picture in 2x2 blocks of colour, so an odd width or height gets one black
 * column or row. Written to a temporary file beside the target and moved into place.
 */
public final class Mp4Video {
    private Mp4Video() {}

    /** Writes {@code frames} (one size) at {@code fps} frames a second to {@code file}. */
    public static void write(List<BufferedImage> frames, Path file, int fps) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("A video needs at least one frame");
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("Frames per second must be 1 to 60, not " + fps);
        }
        AtomicFiles.replace(file, tmp -> {
            try (SeekableByteChannel out = NIOUtils.writableChannel(tmp.toFile())) {
                // MOV is JCodec's ISO base media (MP4) muxer
                SequenceEncoder encoder = new SequenceEncoder(out, Rational.R(fps, 1), Format.MOV, Codec.H264, null);
                for (BufferedImage frame : frames) {
                    encoder.encodeNativeFrame(picture(frame));
                }
                encoder.finish();
            }
        });
    }

    /** An RGB picture of even size; JCodec stores each byte as the value minus 128. */
    private static Picture picture(BufferedImage img) {
        int w = img.getWidth() + img.getWidth() % 2;
        int h = img.getHeight() + img.getHeight() % 2;
        Picture p = Picture.create(w, h, ColorSpace.RGB);
        byte[] rgb = p.getPlaneData(0);
        Arrays.fill(rgb, (byte) -128);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                int at = 3 * (y * w + x);
                rgb[at] = (byte) (((c >> 16) & 0xFF) - 128);
                rgb[at + 1] = (byte) (((c >> 8) & 0xFF) - 128);
                rgb[at + 2] = (byte) ((c & 0xFF) - 128);
            }
        }
        return p;
    }
}
