package org.occam.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes records in the CIFAR binary format ({@link Cifar}): e.g. a subset, or test fixtures. */
public final class CifarWriter {
    private CifarWriter() {}

    /**
     * Writes the records to one file: per record the label byte(s) (coarse first for CIFAR-100), then the pixels.
     *
     * @param format CIFAR-10 or CIFAR-100 (how many label bytes)
     * @param file the file to write
     * @param records the images and labels to write
     */
    public static void write(Cifar format, Path file, CifarReader.Records records) {
        if (format.labelBytes() == 2 && records.coarse() == null) {
            throw new IllegalArgumentException(format.title() + " records need coarse labels");
        }
        if (records.pixels().length != records.count() * Cifar.PIXELS) {
            throw new IllegalArgumentException(records.count() + " records need " + records.count() * Cifar.PIXELS
                    + " pixel bytes, got " + records.pixels().length);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int r = 0; r < records.count(); r++) {
                if (format.labelBytes() == 2) {
                    out.write(records.coarse()[r]);
                }
                out.write(records.labels()[r]);
                out.write(records.pixels(), r * Cifar.PIXELS, Cifar.PIXELS);
            }
        } catch (IOException e) {
            throw new DataException("cannot write " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
