package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missing or corrupt cache files fail with a message that names the file and the fix command. */
class DataCacheTest {
    @TempDir
    Path root;

    @Test
    void missingFileNamesPathAndFixCommand() {
        DataException e = assertThrows(DataException.class,
                () -> Datasets.load(CachedDataset.MNIST, Split.TRAIN, ImageLayout.FLAT, root));
        String m = e.getMessage();
        assertTrue(m.contains(root.resolve("mnist/train-images-idx3-ubyte").toAbsolutePath().toString()), m);
        assertTrue(m.contains("missing") && m.contains("./occam data fetch mnist"), m);
        assertEquals("./occam data fetch mnist", e.fixCommand().orElseThrow());
    }

    @Test
    void wrongChecksumNamesFileHashesAndFixCommand() throws IOException {
        Path folder = root.resolve("fashion-mnist");
        Files.createDirectories(folder);
        Path f = folder.resolve("t10k-images-idx3-ubyte.gz");
        Files.write(f, Fixtures.gzip(Fixtures.idx(new int[] {1, 2, 2}, new byte[4])));
        String m = assertThrows(DataException.class,
                () -> Datasets.load(CachedDataset.FASHION_MNIST, Split.TEST, ImageLayout.FLAT, root)).getMessage();
        assertTrue(m.contains(f.toAbsolutePath().toString()) && m.contains("sha256"), m);
        assertTrue(m.contains(Hashing.sha256(f)) && m.contains(CachedDataset.FASHION_MNIST.images(Split.TEST).sha256()), m);
        assertTrue(m.endsWith("run: ./occam data fetch fashion-mnist"), m);
        assertFalse(DataCache.isInstalled(root, CachedDataset.FASHION_MNIST));
    }

    @Test
    void hashesMatchKnownValues() throws IOException {
        Path f = root.resolve("abc");
        Files.writeString(f, "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hashing.sha256(f));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", Hashing.md5(f));
    }

    @Test
    void idsAndDefaultRoot() {
        assertEquals(CachedDataset.FASHION_MNIST, CachedDataset.byId("fashion-mnist"));
        assertThrows(IllegalArgumentException.class, () -> CachedDataset.byId("cifar10"));
        String env = System.getenv(DataCache.ENV);
        Path expected = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "occam");
        assertEquals(expected, DataCache.defaultRoot());
    }
}
