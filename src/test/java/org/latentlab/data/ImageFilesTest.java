package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
    @TempDir Path dir;

    @Test
    void textEmptyAndMissingFilesGiveClearMessages() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "hello, not an image");
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        assertTrue(assertThrows(DataFormatException.class,
                () -> ImageFiles.read(text)).getMessage().contains("not a readable image"));
        assertTrue(assertThrows(DataFormatException.class,
                () -> ImageFiles.read(empty)).getMessage().contains("empty"));
        assertTrue(assertThrows(DataFormatException.class,
                () -> ImageFiles.read(dir.resolve("nope.png"))).getMessage().contains("not found"));
    }

    @Test
    void hugeImageIsRefusedBeforeDecoding() throws Exception {
        // A PNG header that claims 100000 x 100000 pixels: refused from the header alone.
        BufferedImage small = new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY);
        Path p = dir.resolve("huge.png");
        ImageIO.write(small, "png", p.toFile());
        byte[] b = Files.readAllBytes(p);
        ByteBuffer.wrap(b, 16, 8).putInt(100_000).putInt(100_000); // IHDR width/height
        Files.write(p, b);
        String msg = assertThrows(DataFormatException.class, () -> ImageFiles.read(p)).getMessage();
        assertTrue(msg.contains("too large"), msg);
    }

    @Test
    void imageFolderUsesSubfoldersAsLabels() throws Exception {
        for (String label : new String[] {"cats", "dogs"}) {
            Files.createDirectories(dir.resolve(label));
            for (int i = 0; i < 3; i++) {
                BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
                img.setRGB(5, 5, 0xFFFFFF);
                ImageIO.write(img, "png", dir.resolve(label).resolve(i + ".png").toFile());
            }
        }
        Files.writeString(dir.resolve("dogs").resolve("readme.png"), "broken");
        ImageDataset d = ImageFolderDataset.load(dir, 32, 3);
        assertEquals(6, d.count());
        assertEquals(3 * 32 * 32, d.imageSize());
        assertEquals("dogs", d.classNames()[d.label(5)]);
    }

    /** A gray PNG's stored values reach us unchanged (Java's conversion made 64 into 137). */
    @Test
    void grayImagesAreReadAsStored(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        BufferedImage gray = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 64, 128});
        for (String format : new String[] {"png", "bmp"}) {
            Path f = dir.resolve("gray." + format);
            ImageIO.write(gray, format, f.toFile());
            BufferedImage read = ImageFiles.read(f);
            Assertions.assertEquals(64, read.getRGB(1, 0) & 0xFF, format);
            Assertions.assertEquals(128, read.getRGB(2, 0) & 0xFF, format);
            float[] px = ImageFolderDataset.toFloats(read, 3, 1);
            Assertions.assertEquals(64 / 255f, px[0] == 0 ? px[1] : px[1], 0.02f, format);
        }
    }
}
