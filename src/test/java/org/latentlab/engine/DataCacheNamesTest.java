package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.data.ImageDataset;

/** The explorer names classes by what the model recorded when the data on this machine only number them. */
class DataCacheNamesTest {
    private static ImageDataset withNames(String... names) {
        return new ImageDataset("d", 1, 1, 1, 1, new byte[1], new int[] {0}, names);
    }

    @Test
    void recordedNamesReplaceMereNumbersButNeverTheDataOwnNames() {
        List<String> recorded = List.of("shirt", "shoe");
        assertArrayEquals(new String[] {"shirt", "shoe"}, DataCache.classNames(withNames("0", "1"), recorded));
        assertArrayEquals(new String[] {"top", "boot"}, DataCache.classNames(withNames("top", "boot"), recorded));
        assertArrayEquals(new String[] {"0", "1", "2"}, DataCache.classNames(withNames("0", "1", "2"), recorded),
                "another number of classes: the data's own");
    }
}
