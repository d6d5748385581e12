package org.occam.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.occam.tensor.Tensor;

/**
 * Reads files in the CIFAR binary format (see {@link Cifar}) with bounded parsing: the file size
 * must be a whole, positive number of records, and every label byte must be in range; each error
 * is one line naming the file, the record and the fix.
 */
public final class CifarReader {
    private CifarReader() {}

    /**
     * The records of one or more files, concatenated.
     *
     * @param pixels  {@code count * 3072} bytes, record after record (read them with {@code b & 0xff})
     * @param labels  the (fine) label of each record
     * @param coarse  the coarse label of each record (CIFAR-100), or null (CIFAR-10)
     */
    public record Records(byte[] pixels, int[] labels, int[] coarse) {
        /**
         * The number of records.
         *
         * @return the count
         */
        public int count() {
            return labels.length;
        }

        /**
         * The records whose (fine) label is one of {@code keep}, in their order.
         *
         * @param keep the labels to keep
         * @return the kept records
         */
        public Records withLabels(int[] keep) {
            boolean[] wanted = new boolean[256];
            for (int k : keep) {
                wanted[k] = true;
            }
            int n = 0;
            for (int y : labels) {
                n += wanted[y] ? 1 : 0;
            }
            byte[] px = new byte[n * Cifar.PIXELS];
            int[] ys = new int[n];
            int[] cs = coarse == null ? null : new int[n];
            int at = 0;
            for (int i = 0; i < labels.length; i++) {
                if (wanted[labels[i]]) {
                    System.arraycopy(pixels, i * Cifar.PIXELS, px, at * Cifar.PIXELS, Cifar.PIXELS);
                    ys[at] = labels[i];
                    if (cs != null) {
                        cs[at] = coarse[i];
                    }
                    at++;
                }
            }
            return new Records(px, ys, cs);
        }
    }

    /**
     * Reads the given files of a folder, in order; errors name the file and how to repair it.
     *
     * @param format CIFAR-10 or CIFAR-100
     * @param folder the folder holding the files
     * @param files the file names
     * @return the records of all files, concatenated
     */
    public static Records read(Cifar format, Path folder, List<String> files) {
        long[] counts = new long[files.size()];
        long total = 0;
        for (int f = 0; f < files.size(); f++) {
            counts[f] = count(format, folder.resolve(files.get(f)));
            total += counts[f];
        }
        if (total * Cifar.PIXELS > Integer.MAX_VALUE - 16) {
            throw new DataException(folder.toAbsolutePath() + ": " + total + " " + format.title()
                    + " records are too many for one array");
        }
        int n = (int) total;
        byte[] pixels = new byte[n * Cifar.PIXELS];
        int[] labels = new int[n];
        int[] coarse = format.labelBytes() == 2 ? new int[n] : null;
        int at = 0;
        for (int f = 0; f < files.size(); f++) {
            readInto(format, folder.resolve(files.get(f)), (int) counts[f], at, pixels, labels, coarse);
            at += (int) counts[f];
        }
        return new Records(pixels, labels, coarse);
    }

    /**
     * The number of records of a file, from its size (which must be a positive multiple of the record size).
     *
     * @param format CIFAR-10 or CIFAR-100
     * @param file a record file
     * @return the number of records
     */
    public static long count(Cifar format, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(format.title() + " file " + file.toAbsolutePath() + " is missing; "
                    + repair(format));
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DataException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        int rec = format.recordBytes();
        if (size == 0 || size % rec != 0) {
            throw new DataException(format.title() + " file " + file.toAbsolutePath() + " is truncated or not in the "
                    + format.title() + " binary format: " + size + " bytes is not a whole number of " + rec
                    + "-byte records (" + size / rec + " records and " + size % rec + " bytes over); " + repair(format));
        }
        return size / rec;
    }

    private static void readInto(Cifar format, Path file, int n, int first, byte[] pixels, int[] labels, int[] coarse) {
        int lb = format.labelBytes();
        byte[] head = new byte[lb];
        int fine = format.classNames().size();
        int nCoarse = format.coarseNames().size();
        try (InputStream in = Files.newInputStream(file)) {
            for (int r = 0; r < n; r++) {
                int i = first + r;
                if (in.readNBytes(head, 0, lb) != lb
                        || in.readNBytes(pixels, i * Cifar.PIXELS, Cifar.PIXELS) != Cifar.PIXELS) {
                    throw new DataException(format.title() + " file " + file.toAbsolutePath() + " ended inside record "
                            + r + " (it changed while being read?); " + repair(format));
                }
                int label = head[lb - 1] & 0xff;
                if (label >= fine) {
                    throw new DataException(format.title() + " file " + file.toAbsolutePath() + ": record " + r
                            + " has label " + label + ", outside 0.." + (fine - 1) + " (not a " + format.title()
                            + " binary file, or corrupt); " + repair(format));
                }
                labels[i] = label;
                if (coarse != null) {
                    int c = head[0] & 0xff;
                    if (c >= nCoarse) {
                        throw new DataException(format.title() + " file " + file.toAbsolutePath() + ": record " + r
                                + " has coarse label " + c + ", outside 0.." + (nCoarse - 1) + " (corrupt?); "
                                + repair(format));
                    }
                    coarse[i] = c;
                }
            }
        } catch (IOException e) {
            throw new DataException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Images scaled to [0, 1] by /255, float32, [N, 3072] or [N, 3, 32, 32].
     *
     * @param r the records
     * @param layout flat or channels first
     * @return the images
     */
    public static Tensor images(Records r, ImageLayout layout) {
        byte[] b = r.pixels();
        float[] v = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            v[i] = (b[i] & 0xff) / 255f;
        }
        return Tensor.wrap(v, layout.shape(r.count(), Cifar.CHANNELS, Cifar.SIDE, Cifar.SIDE));
    }

    private static String repair(Cifar format) {
        return "re-extract it from the official " + format.archive() + " (./occam data fetch " + format.id()
                + " --from " + format.archive() + ")";
    }
}
