package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.AppPaths;

/** What a model's manifest records of its data, and how data are recognised wherever they are stored. */
class DataDescriptionTest {
    @TempDir Path dir;

    @Test
    void theBundledMnistHasTheFingerprintThatMarksMnistAndACopyIsStillMnist() throws Exception {
        ImageDataset mnist = DataSources.load("mnist", MnistDataset.Split.TRAIN, 28, 1);
        assertEquals(DataDescription.MNIST_FINGERPRINT, DataDescription.fingerprint(mnist));
        Path copy = Files.createDirectories(dir.resolve("my-digits"));
        try (var files = Files.list(AppPaths.bundledMnist())) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        DataDescription d = DataDescription.of(copy.toString(), DataSources.load(copy.toString(),
                MnistDataset.Split.TRAIN, 28, 1));
        assertTrue(d.isMnist());
        assertEquals(Preparation.CENTRE_DIGIT, d.defaultPreparation(), "MNIST's own recipe, under any path");
    }

    @Test
    void otherIdxDataAreLetterboxedAndNamedByClassesTxt() throws Exception {
        Path idx = GeneratedData.idx(dir.resolve("shapes"), 30, 9);
        DataDescription d = DataDescription.of(idx.toString(), DataSources.load(idx.toString(),
                MnistDataset.Split.TRAIN, 28, 1));
        assertFalse(d.isMnist());
        assertEquals(GeneratedData.CLASSES, d.classNames());
        assertEquals(Preparation.LETTERBOX, d.defaultPreparation());
        assertEquals("shapes", d.name());
        Files.write(idx.resolve(MnistDataset.CLASS_NAMES), List.of("only one"));
        var e = assertThrows(DataFormatException.class, () -> DataSources.load(idx.toString(),
                MnistDataset.Split.TRAIN, 28, 1));
        assertTrue(e.getMessage().contains("names 1 classes"), e.getMessage());
    }

    @Test
    void aManifestWithoutADescriptionImpliesMnistOnlyForMnistAndTheDataOwnPreparation() throws Exception {
        assertTrue(DataDescription.implied("mnist", 1, 28).isMnist());
        assertEquals(10, DataDescription.implied("mnist", 1, 28).classNames().size());
        Path idx = GeneratedData.idx(dir.resolve("clothes"), 30, 9);
        DataDescription other = DataDescription.implied(idx.toString(), 1, 28);
        assertFalse(other.isMnist());
        assertEquals(Preparation.LETTERBOX, other.defaultPreparation());
        Path folder = GeneratedData.folder(dir.resolve("photos"), 2, 24, true);
        assertEquals(Preparation.CROP, DataDescription.implied(folder.toString(), 3, 32).defaultPreparation(),
                "an image folder's model crops, as its training did");
    }

    /** The explorer names classes by what the model recorded when the data on this machine only number them. */
    @Test
    void recordedNamesReplaceMereNumbersButNeverTheDataOwnNames() {
        List<String> recorded = List.of("shirt", "shoe");
        assertArrayEquals(new String[] {"shirt", "shoe"}, DataDescription.namesOf(new String[] {"0", "1"}, recorded));
        assertArrayEquals(new String[] {"top", "boot"}, DataDescription.namesOf(new String[] {"top", "boot"},
                recorded));
        assertArrayEquals(new String[] {"0", "1", "2"}, DataDescription.namesOf(new String[] {"0", "1", "2"}, recorded),
                "another number of classes: the data's own");
    }
}
