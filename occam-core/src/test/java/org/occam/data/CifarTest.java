package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR-10/100 and CIFAR-FS read back from small files written in the exact binary format. */
class CifarTest {
    @TempDir
    Path tmp;

    @Test
    void cifar10RecordsReadBackWithLabelsAndChannelPlanes() {
        CifarFixtures.cifar10Folder(tmp.resolve("cifar10"), 3);
        Dataset train = CifarCache.load(Cifar.CIFAR10, Split.TRAIN, false, ImageLayout.NCHW, tmp);
        Dataset test = CifarCache.load(Cifar.CIFAR10, Split.TEST, false, ImageLayout.NCHW, tmp);
        assertEquals("cifar10-train", train.name());
        assertArrayEquals(new int[] {15, 3, 32, 32}, train.x().shape());
        assertArrayEquals(new int[] {3, 3, 32, 32}, test.x().shape());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4}, train.y());
        assertArrayEquals(new int[] {5, 6, 7}, test.y());
        assertEquals(Cifar.CIFAR10.classNames(), train.classNames());
        float[] x = train.x().toFloatArray();
        // record 7 (data_batch_3.bin, record 1), green channel, row 5, column 30
        assertEquals(CifarFixtures.pixel(7, 1, 5, 30) / 255f, x[7 * 3072 + 1024 + 5 * 32 + 30]);
        assertEquals(CifarFixtures.pixel(16, 2, 31, 0) / 255f, test.x().toFloatArray()[3072 + 2048 + 31 * 32]);
        Dataset flat = CifarCache.load(Cifar.CIFAR10, Split.TRAIN, false, ImageLayout.FLAT, tmp);
        assertArrayEquals(new int[] {15, 3072}, flat.x().shape());
        assertArrayEquals(x, flat.x().toFloatArray());
    }

    @Test
    void cifar100HasFineAndCoarseLabels() {
        CifarFixtures.cifar100Folder(tmp.resolve("cifar100"), new int[] {99, 0, 42, 7}, new int[] {13, 64});
        Dataset fine = CifarCache.load(Cifar.CIFAR100, Split.TRAIN, false, ImageLayout.NCHW, tmp);
        Dataset coarse = CifarCache.load(Cifar.CIFAR100, Split.TRAIN, true, ImageLayout.NCHW, tmp);
        Dataset test = CifarCache.load(Cifar.CIFAR100, Split.TEST, true, ImageLayout.NCHW, tmp);
        assertArrayEquals(new int[] {99, 0, 42, 7}, fine.y());
        assertEquals(100, fine.numClasses());
        assertEquals("worm", fine.classNames().get(99));
        assertArrayEquals(new int[] {19, 0, 8, 1}, coarse.y());
        assertEquals(20, coarse.numClasses());
        assertEquals("cifar100-coarse-train", coarse.name());
        assertArrayEquals(new int[] {2, 12}, test.y());
        assertEquals(CifarFixtures.pixel(5, 0, 0, 1) / 255f, test.x().toFloatArray()[3072 + 1]);
        assertArrayEquals(fine.x().toFloatArray(), coarse.x().toFloatArray());
    }

    @Test
    void cifarFsSplitsAre64_16_20DisjointClassesWithAllTheirImages() {
        Set<String> all = new HashSet<>();
        int total = 0;
        for (CifarFs s : CifarFs.values()) {
            all.addAll(s.classNames());
            total += s.classNames().size();
            int[] labels = s.cifar100Labels();
            for (int i = 1; i < labels.length; i++) {
                assertTrue(labels[i - 1] < labels[i], "CIFAR-100 label order");
            }
        }
        assertEquals(List.of(64, 16, 20), List.of(CifarFs.TRAIN.classNames().size(), CifarFs.VAL.classNames().size(),
                CifarFs.TEST.classNames().size()));
        assertEquals(100, total);
        assertEquals(new HashSet<>(Cifar.CIFAR100.classNames()), all);

        // baby = 2 and worm = 99 are test classes, apple = 0 is a train class, beaver = 4 a val class
        CifarFixtures.cifar100Folder(tmp.resolve("cifar100"), new int[] {99, 0, 2, 4, 2}, new int[] {0, 99, 2});
        Dataset test = CifarCache.cifarFs(CifarFs.TEST, ImageLayout.NCHW, tmp);
        assertEquals("cifar-fs-test", test.name());
        assertEquals(20, test.numClasses());
        assertArrayEquals(new int[] {19, 0, 0, 19, 0}, test.y(), "baby is test class 0, worm 19; train.bin then test.bin");
        assertEquals(List.of("baby", "worm"), List.of(test.classNames().get(0), test.classNames().get(19)));
        float[] x = test.x().toFloatArray();
        assertEquals(CifarFixtures.pixel(0, 0, 0, 0) / 255f, x[0]);
        assertEquals(CifarFixtures.pixel(6, 2, 3, 4) / 255f, x[3 * 3072 + 2048 + 3 * 32 + 4], "test.bin record 1");
        Dataset val = CifarCache.cifarFs(CifarFs.VAL, ImageLayout.FLAT, tmp);
        assertArrayEquals(new int[] {0}, val.y());
    }

    @Test
    void missingCacheSaysHowToFetch() {
        DataException e = assertThrows(DataException.class,
                () -> CifarCache.load(Cifar.CIFAR10, Split.TRAIN, false, ImageLayout.NCHW, tmp));
        assertEquals("cifar10 is not in the data cache: " + tmp.resolve("cifar10/data_batch_1.bin").toAbsolutePath()
                + " is missing (the cache is $OCCAM_DATA, else ~/.cache/occam); to fix it, run: ./occam data fetch"
                + " cifar10 --from DIR (DIR: your cifar-10-batches-bin folder or cifar-10-binary.tar.gz)", e.getMessage());
        assertTrue(e.fixCommand().isPresent());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void truncatedRecordAndBadLabelNameTheFileAndRecord() throws IOException {
        Path dir = CifarFixtures.cifar10Folder(tmp.resolve("cifar10"), 2);
        Path b2 = dir.resolve("data_batch_2.bin");
        byte[] bytes = Files.readAllBytes(b2);
        Files.write(b2, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        String m = assertThrows(DataException.class,
                () -> CifarCache.load(Cifar.CIFAR10, Split.TRAIN, false, ImageLayout.NCHW, tmp)).getMessage();
        assertEquals("CIFAR-10 file " + b2.toAbsolutePath() + " is truncated or not in the CIFAR-10 binary format: 6145"
                + " bytes is not a whole number of 3073-byte records (1 records and 3072 bytes over); re-extract it from"
                + " the official cifar-10-binary.tar.gz (./occam data fetch cifar10 --from cifar-10-binary.tar.gz)", m);

        bytes[3073] = 10;  // the label byte of record 1
        Files.write(b2, bytes);
        String l = assertThrows(DataException.class,
                () -> CifarCache.load(Cifar.CIFAR10, Split.TRAIN, false, ImageLayout.NCHW, tmp)).getMessage();
        assertTrue(l.startsWith("CIFAR-10 file " + b2.toAbsolutePath() + ": record 1 has label 10, outside 0..9"), l);

        Files.write(b2, new byte[0]);
        String z = assertThrows(DataException.class,
                () -> CifarCache.load(Cifar.CIFAR10, Split.TRAIN, false, ImageLayout.NCHW, tmp)).getMessage();
        assertTrue(z.contains("0 bytes is not a whole number of 3073-byte records"), z);
    }

    @Test
    void cifar100CoarseLabelIsRangeChecked() throws IOException {
        Path dir = CifarFixtures.cifar100Folder(tmp.resolve("cifar100"), new int[] {1, 2}, new int[] {3});
        byte[] bytes = Files.readAllBytes(dir.resolve("test.bin"));
        bytes[0] = 20;
        Files.write(dir.resolve("test.bin"), bytes);
        String m = assertThrows(DataException.class,
                () -> CifarCache.load(Cifar.CIFAR100, Split.TEST, false, ImageLayout.NCHW, tmp)).getMessage();
        assertTrue(m.contains("test.bin: record 0 has coarse label 20, outside 0..19"), m);
    }
}
