package org.occam.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.occam.data.Cifar;
import org.occam.data.CifarReader;
import org.occam.data.CifarWriter;

/** Tiny CIFAR-10 / CIFAR-100 folders in the official binary format, for CLI tests that must not need the real data. */
final class CifarFolders {
    private CifarFolders() {
    }

    /** {@code perFile} records with labels i % classes and pixels (31 i + 7 k) mod 256. */
    static CifarReader.Records records(int perFile, int classes, boolean coarse) {
        byte[] px = new byte[perFile * Cifar.PIXELS];
        int[] y = new int[perFile];
        int[] c = coarse ? new int[perFile] : null;
        for (int i = 0; i < perFile; i++) {
            y[i] = (i * 7) % classes;
            if (coarse) {
                c[i] = y[i] / 5;
            }
            for (int k = 0; k < Cifar.PIXELS; k++) {
                px[i * Cifar.PIXELS + k] = (byte) (31 * i + 7 * k);
            }
        }
        return new CifarReader.Records(px, y, c);
    }

    /** The files of {@code data}, 5 records each, in {@code dir}. */
    static Path folder(Path dir, Cifar data) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String f : data.allFiles()) {
            CifarWriter.write(data, dir.resolve(f), records(5, data.classNames().size(), data == Cifar.CIFAR100));
        }
        return dir;
    }

    /** A data cache root holding tiny cifar10 and cifar100 sets. */
    static Path tinyCache(Path root) {
        for (Cifar c : Cifar.values()) {
            folder(root.resolve(c.id()), c);
        }
        return root;
    }
}
