package org.occam.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small CIFAR-format files written byte for byte as the official ones are laid out. */
final class CifarFixtures {
    private CifarFixtures() {}

    /** The test pixel of record r, channel ch, row i, column j: distinct per position, in 0..255. */
    static int pixel(int r, int ch, int i, int j) {
        return (r * 37 + ch * 101 + i * 7 + j * 3) & 0xff;
    }

    /** Records with the given labels (coarse null for CIFAR-10) and the {@link #pixel} pattern offset by {@code first}. */
    static CifarReader.Records records(int first, int[] fine, int[] coarse) {
        byte[] px = new byte[fine.length * Cifar.PIXELS];
        for (int r = 0; r < fine.length; r++) {
            for (int ch = 0; ch < 3; ch++) {
                for (int i = 0; i < 32; i++) {
                    for (int j = 0; j < 32; j++) {
                        px[r * Cifar.PIXELS + ch * 1024 + i * 32 + j] = (byte) pixel(first + r, ch, i, j);
                    }
                }
            }
        }
        return new CifarReader.Records(px, fine, coarse);
    }

    /**
     * A CIFAR-10 folder: {@code perFile} records in each of the six files, labels (global record index) % 10,
     * train records 0 .. 5*perFile-1 and test records after them.
     */
    static Path cifar10Folder(Path dir, int perFile) {
        mkdirs(dir);
        int at = 0;
        for (String f : Cifar.CIFAR10.allFiles()) {
            int[] y = new int[perFile];
            for (int r = 0; r < perFile; r++) {
                y[r] = (at + r) % 10;
            }
            CifarWriter.write(Cifar.CIFAR10, dir.resolve(f), records(at, y, null));
            at += perFile;
        }
        return dir;
    }

    /** A CIFAR-100 folder: train.bin and test.bin with the given fine labels; coarse = fine / 5. */
    static Path cifar100Folder(Path dir, int[] trainFine, int[] testFine) {
        mkdirs(dir);
        CifarWriter.write(Cifar.CIFAR100, dir.resolve("train.bin"), records(0, trainFine, coarse(trainFine)));
        CifarWriter.write(Cifar.CIFAR100, dir.resolve("test.bin"), records(trainFine.length, testFine, coarse(testFine)));
        return dir;
    }

    static int[] coarse(int[] fine) {
        int[] c = new int[fine.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = fine[i] / 5;
        }
        return c;
    }

    static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
