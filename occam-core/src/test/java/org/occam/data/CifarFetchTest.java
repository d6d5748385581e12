package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data fetch cifar10|cifar100 --from}: folders, archives and their md5, bad input leaving the cache untouched. */
class CifarFetchTest {
    @TempDir
    Path tmp;

    private final List<String> lines = new ArrayList<>();

    private DataFetcher fetcher() {
        return new DataFetcher(tmp.resolve("cache"), lines::add);
    }

    /** Everything under the cache root (staging folders included). */
    private List<String> cacheContents() throws IOException {
        Path cache = tmp.resolve("cache");
        if (!Files.exists(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(cache)) {
            return s.filter(p -> !p.equals(cache)).map(p -> cache.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void fromTheExtractedFolderInstallsVerifiesAndReportsCounts() throws IOException {
        Path from = tmp.resolve("dl");
        CifarFixtures.cifar10Folder(from.resolve("cifar-10-batches-bin"), 2);
        List<Path> files = fetcher().fetch("cifar10", from);
        assertEquals(6, files.size());
        assertTrue(lines.contains("cifar10: verified 6 files: 10 train and 2 test images"), lines.toString());
        assertTrue(lines.contains("  note: data_batch_1.bin holds 2 records; the official file holds 10000"), lines.toString());
        Path dir = tmp.resolve("cache/cifar10");
        for (String f : Cifar.CIFAR10.allFiles()) {
            assertArrayEquals(Files.readAllBytes(from.resolve("cifar-10-batches-bin").resolve(f)), Files.readAllBytes(dir.resolve(f)));
        }
        List<String> sums = Files.readAllLines(dir.resolve(CifarCache.SUMS));
        assertEquals(Hashing.sha256(dir.resolve("test_batch.bin")) + "  test_batch.bin", sums.get(5));
        assertEquals(List.of("cifar10", "cifar10/SHA256SUMS", "cifar10/data_batch_1.bin", "cifar10/data_batch_2.bin",
                "cifar10/data_batch_3.bin", "cifar10/data_batch_4.bin", "cifar10/data_batch_5.bin",
                "cifar10/test_batch.bin"), cacheContents(), "no staging folder left");
        Dataset train = CifarCache.load(Cifar.CIFAR10, Split.TRAIN, false, ImageLayout.NCHW, tmp.resolve("cache"));
        assertEquals(10, train.size());

        lines.clear();
        fetcher().fetch("cifar10", null);
        assertTrue(lines.getFirst().startsWith("cifar10: already installed in "), lines.toString());
    }

    @Test
    void missingBatchTruncatedRecordAndBadLabelEachWriteNothing() throws IOException {
        Path from = CifarFixtures.cifar10Folder(tmp.resolve("cifar-10-batches-bin"), 2);
        Files.delete(from.resolve("data_batch_3.bin"));
        String m = assertThrows(DataException.class, () -> fetcher().fetch("cifar10", from)).getMessage();
        assertEquals("--from " + from.toAbsolutePath() + ": " + from.resolve("data_batch_3.bin").toAbsolutePath()
                + " is missing (CIFAR-10 needs data_batch_1.bin, data_batch_2.bin, data_batch_3.bin, data_batch_4.bin,"
                + " data_batch_5.bin, test_batch.bin in one folder, as in cifar-10-binary.tar.gz); copy it there, or pass"
                + " the archive", m);
        assertEquals(List.of(), cacheContents());

        CifarFixtures.cifar10Folder(from, 2);
        byte[] b = Files.readAllBytes(from.resolve("test_batch.bin"));
        Files.write(from.resolve("test_batch.bin"), java.util.Arrays.copyOf(b, b.length - 100));
        String t = assertThrows(DataException.class, () -> fetcher().fetch("cifar10", from)).getMessage();
        assertTrue(t.startsWith("CIFAR-10 file ") && t.contains("test_batch.bin is truncated"), t);
        assertEquals(List.of(), cacheContents());

        CifarFixtures.cifar10Folder(from, 2);
        byte[] c = Files.readAllBytes(from.resolve("data_batch_5.bin"));
        c[0] = (byte) 200;
        Files.write(from.resolve("data_batch_5.bin"), c);
        String l = assertThrows(DataException.class, () -> fetcher().fetch("cifar10", from)).getMessage();
        assertTrue(l.contains("data_batch_5.bin: record 0 has label 200, outside 0..9"), l);
        assertEquals(List.of(), cacheContents());
        assertFalse(l.contains("\n"));
    }

    @Test
    void archiveMd5IsCheckedAgainstThePublishedOne() throws IOException {
        Path src = CifarFixtures.cifar100Folder(tmp.resolve("src"), new int[] {5, 6, 7}, new int[] {8});
        Path archive = tmp.resolve("cifar-100-binary.tar.gz");
        Files.write(archive, Fixtures.gzip(Fixtures.tar(
                new String[] {"cifar-100-binary/fine_label_names.txt", "cifar-100-binary/train.bin", "cifar-100-binary/test.bin"},
                new byte[][] {"apple\n".getBytes(), Files.readAllBytes(src.resolve("train.bin")),
                    Files.readAllBytes(src.resolve("test.bin"))})));
        String md5 = Hashing.md5(archive);
        String m = assertThrows(DataException.class, () -> fetcher().fetch("cifar100", archive)).getMessage();
        assertEquals(archive.toAbsolutePath() + " has md5 " + md5 + ", but the official cifar-100-binary.tar.gz has md5"
                + " 03b5dce01913d631647c71ecec9e9cb8 (published on https://www.cs.toronto.edu/~kriz/cifar.html): a corrupt"
                + " or different file; download it again, or pass the extracted cifar-100-binary folder", m);
        assertEquals(List.of(), cacheContents());

        // the same path with this archive's own md5 as the pin: unpacked, parsed, installed
        new CifarFetcher(tmp.resolve("cache"), lines::add).fetch(Cifar.CIFAR100, archive, md5);
        assertTrue(lines.contains("cifar100: verified 2 files: 3 train and 1 test images"), lines.toString());
        Dataset test = CifarCache.load(Cifar.CIFAR100, Split.TEST, false, ImageLayout.NCHW, tmp.resolve("cache"));
        assertArrayEquals(new int[] {8}, test.y());
        assertEquals(List.of("cifar100", "cifar100/SHA256SUMS", "cifar100/test.bin", "cifar100/train.bin"), cacheContents());
    }

    @Test
    void archiveWithoutTheRecordFilesIsRefused() throws IOException {
        Path archive = tmp.resolve("cifar-10-binary.tar.gz");
        Files.write(archive, Fixtures.gzip(Fixtures.tar(new String[] {"cifar-10-batches-bin/test_batch.bin"},
                new byte[][] {new byte[3073]})));
        String m = assertThrows(DataException.class, () -> new CifarFetcher(tmp.resolve("cache"), lines::add)
                .fetch(Cifar.CIFAR10, archive, Hashing.md5(archive))).getMessage();
        assertEquals(archive.toAbsolutePath() + " lacks cifar-10-batches-bin/data_batch_1.bin and 4 more; it is not the"
                + " official cifar-10-binary.tar.gz", m);
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void withoutFromSaysCifarIsNotDownloadableAndHowToPassIt() {
        String m = assertThrows(DataException.class, () -> fetcher().fetch("cifar100", null)).getMessage();
        assertEquals("CIFAR-100 cannot be downloaded here (no reachable registry ships it): get cifar-100-binary.tar.gz"
                + " from https://www.cs.toronto.edu/~kriz/cifar.html, then run ./occam data fetch cifar100 --from PATH"
                + " (the archive, or its extracted cifar-100-binary folder)", m);
    }

    @Test
    void publishedArchiveChecksumsArePinned() {
        assertEquals("c32a1d4ab5d03f1284b67883e8d87530", Cifar.CIFAR10.archiveMd5());
        assertEquals("03b5dce01913d631647c71ecec9e9cb8", Cifar.CIFAR100.archiveMd5());
    }
}
