package org.occam.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.occam.tensor.Tensor;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST (raw or gzipped; gzip is detected from
 * the content, not the name). An IDX file is a 4-byte magic {@code 00 00 type rank}, {@code rank}
 * big-endian int32 dimensions, then the values row-major. Only unsigned bytes (type 0x08) occur
 * in these data sets and only those are supported.
 */
public final class IdxReader {
    private static final int UBYTE = 0x08;

    private IdxReader() {}

    /**
     * The contents of an IDX file of unsigned bytes.
     *
     * @param dims the dimensions, e.g. [60000, 28, 28]
     * @param data the values row-major, as stored (read them with {@code b & 0xff}); not copied
     */
    public record IdxArray(int[] dims, byte[] data) {
        /**
         * The first dimension: number of images or labels.
         *
         * @return N
         */
        public int count() {
            return dims[0];
        }
    }

    /**
     * Reads a whole IDX file; errors name the file and what was wrong (magic, type, truncation).
     *
     * @param file an IDX file, optionally gzipped
     * @return its dimensions and bytes
     */
    public static IdxArray read(Path file) {
        try (InputStream in = Inputs.open(file)) {
            return read(in, file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new DataException("cannot read IDX file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an IDX stream (gunzipped if needed); {@code source} names it in error messages.
     *
     * @param stream the IDX bytes
     * @param source the file's name
     * @return its dimensions and bytes
     */
    public static IdxArray read(InputStream stream, String source) {
        try {
            DataInputStream in = new DataInputStream(Inputs.maybeGunzip(stream));
            byte[] magic = new byte[4];
            if (readUpTo(in, magic) < 4) {
                throw new DataException("IDX file " + source + " is too short for the 4-byte magic (empty or truncated)");
            }
            if (magic[0] != 0 || magic[1] != 0) {
                throw new DataException("IDX file " + source + " has a bad magic number " + hex(magic)
                        + " (expected 00 00 08 0N): not an IDX file, or a gzip file that is corrupt");
            }
            if ((magic[2] & 0xff) != UBYTE) {
                throw new DataException("IDX file " + source + " holds element type 0x"
                        + Integer.toHexString(magic[2] & 0xff) + "; only unsigned bytes (0x08) are supported");
            }
            int rank = magic[3] & 0xff;
            if (rank < 1 || rank > 4) {
                throw new DataException("IDX file " + source + " declares rank " + rank + "; expected 1 to 4");
            }
            int[] dims = new int[rank];
            long count = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 0) {
                    throw new DataException("IDX file " + source + " declares a negative dimension " + dims[i]);
                }
                count *= dims[i];
            }
            if (count > Integer.MAX_VALUE - 16) {
                throw new DataException("IDX file " + source + " declares " + count + " values, too many for one array");
            }
            // Read, not preallocated: a header that declares more than the file holds costs only what the file holds.
            byte[] data = in.readNBytes((int) count);
            int got = data.length;
            if (got < count) {
                throw new DataException("IDX file " + source + " is truncated: the header " + Arrays.toString(dims)
                        + " needs " + count + " data bytes but only " + got + " follow");
            }
            if (in.read() != -1) {
                throw new DataException("IDX file " + source + " has bytes beyond the " + count
                        + " that its header " + Arrays.toString(dims) + " declares (corrupt or not an IDX file)");
            }
            return new IdxArray(dims, data);
        } catch (EOFException e) {
            throw new DataException("IDX file " + source + " is truncated inside its header or gzip stream", e);
        } catch (IOException e) {
            throw new DataException("cannot read IDX file " + source + ": " + e.getMessage()
                    + " (truncated or corrupt gzip data?)", e);
        }
    }

    /**
     * Images scaled to [0, 1] by /255, float32, in the given layout; the file must be [N, H, W].
     *
     * @param file an IDX image file
     * @param layout flat or channels first
     * @return the images
     */
    public static Tensor images(Path file, ImageLayout layout) {
        return images(read(file), file.toAbsolutePath().toString(), layout);
    }

    /**
     * Images of a parsed IDX array ({@code source} names it in errors), scaled to [0, 1] by /255, float32.
     *
     * @param a the parsed file
     * @param source the file's name
     * @param layout flat or channels first
     * @return the images
     */
    public static Tensor images(IdxArray a, String source, ImageLayout layout) {
        if (a.dims().length != 3) {
            throw new DataException("IDX file " + source + " has dimensions " + Arrays.toString(a.dims())
                    + "; images need [N, rows, columns]");
        }
        byte[] b = a.data();
        float[] v = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            v[i] = (b[i] & 0xff) / 255f;
        }
        return Tensor.wrap(v, layout.shape(a.dims()[0], 1, a.dims()[1], a.dims()[2]));
    }

    /**
     * Labels as ints; the file must be rank 1.
     *
     * @param file an IDX label file
     * @return the labels
     */
    public static int[] labels(Path file) {
        return labels(read(file), file.toAbsolutePath().toString());
    }

    /**
     * Labels of a parsed IDX array ({@code source} names it in errors); it must be rank 1.
     *
     * @param a the parsed file
     * @param source the file's name
     * @return the labels
     */
    public static int[] labels(IdxArray a, String source) {
        if (a.dims().length != 1) {
            throw new DataException("IDX file " + source + " has dimensions " + Arrays.toString(a.dims())
                    + "; labels need [N]");
        }
        byte[] b = a.data();
        int[] y = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            y[i] = b[i] & 0xff;
        }
        return y;
    }

    /**
     * A classification data set from an image file and a label file (counts must agree; every
     * label must be below the number of class names).
     *
     * @param name the data set's name
     * @param images the IDX image file
     * @param labels the IDX label file
     * @param layout flat or channels first
     * @param classNames the class names, in label order
     * @return the data set
     */
    public static Dataset dataset(String name, Path images, Path labels, ImageLayout layout, List<String> classNames) {
        return dataset(name, images(images, layout), images.toAbsolutePath().toString(), labels(labels),
                labels.toAbsolutePath().toString(), classNames);
    }

    /**
     * A classification data set from images and labels already read; the sources name the image and
     * label files in errors (counts must agree; every label must be below the number of class names).
     *
     * @param name the data set's name
     * @param x the images
     * @param imageSource the image file's name
     * @param y the labels
     * @param labelSource the label file's name
     * @param classNames the class names, in label order
     * @return the data set
     */
    public static Dataset dataset(String name, Tensor x, String imageSource, int[] y, String labelSource,
                                  List<String> classNames) {
        if (y.length != x.size(0)) {
            throw new DataException("image file " + imageSource + " holds " + x.size(0)
                    + " images but label file " + labelSource + " holds " + y.length + " labels");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] >= classNames.size()) {
                throw new DataException("label file " + labelSource + ": label " + y[i] + " at index " + i
                        + " is not below the " + classNames.size() + " classes");
            }
        }
        return Dataset.of(name, x, y, classNames.size(), classNames);
    }

    private static int readUpTo(InputStream in, byte[] buf) throws IOException {
        int off = 0;
        while (off < buf.length) {
            int n = in.read(buf, off, buf.length - off);
            if (n < 0) {
                break;
            }
            off += n;
        }
        return off;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x ", x & 0xff));
        }
        return sb.toString().trim();
    }
}
