package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.tensor.DType;

/** IDX files written byte by byte here, raw and gzipped, read back; corrupt ones fail clearly. */
class IdxReaderTest {
    @TempDir
    Path dir;

    /** Three 2x3 images with pixel values 0, 10, 20, ... and labels 2, 0, 1. */
    private static final byte[] PIXELS = new byte[18];

    static {
        for (int i = 0; i < PIXELS.length; i++) {
            PIXELS[i] = (byte) (i * 15); // up to 255
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void readsRawAndGzippedAlike() throws IOException {
        byte[] raw = Fixtures.idx(new int[] {3, 2, 3}, PIXELS);
        Path a = write("images-idx3-ubyte", raw);
        Path b = write("images-idx3-ubyte.gz", Fixtures.gzip(raw));
        IdxReader.IdxArray ra = IdxReader.read(a);
        IdxReader.IdxArray rb = IdxReader.read(b);
        assertArrayEquals(new int[] {3, 2, 3}, ra.dims());
        assertArrayEquals(ra.data(), rb.data());
        assertEquals(3, ra.count());
        assertEquals(255, ra.data()[17] & 0xff);
    }

    @Test
    void imagesAreScaledAndLaidOut() throws IOException {
        Path p = write("img", Fixtures.gzip(Fixtures.idx(new int[] {3, 2, 3}, PIXELS)));
        var flat = IdxReader.images(p, ImageLayout.FLAT);
        assertArrayEquals(new int[] {3, 6}, flat.shape());
        assertEquals(DType.FLOAT32, flat.dtype());
        assertEquals(15 / 255.0, flat.get(0, 1), 1e-7);
        assertEquals(1.0, flat.get(2, 5), 1e-7);
        var nchw = IdxReader.images(p, ImageLayout.NCHW);
        assertArrayEquals(new int[] {3, 1, 2, 3}, nchw.shape());
        assertEquals(flat.get(1, 4), nchw.get(1, 0, 1, 1));
    }

    @Test
    void datasetPairsImagesAndLabels() throws IOException {
        Path img = write("img", Fixtures.idx(new int[] {3, 2, 3}, PIXELS));
        Path lab = write("lab", Fixtures.idx(new int[] {3}, new byte[] {2, 0, 1}));
        Dataset d = IdxReader.dataset("t", img, lab, ImageLayout.FLAT, List.of("a", "b", "c"));
        assertEquals(3, d.size());
        assertArrayEquals(new int[] {2, 0, 1}, d.y());
        assertEquals(3, d.numClasses());

        Path fewer = write("lab2", Fixtures.idx(new int[] {2}, new byte[] {2, 0}));
        String m = assertThrows(DataException.class,
                () -> IdxReader.dataset("t", img, fewer, ImageLayout.FLAT, List.of("a", "b", "c"))).getMessage();
        assertTrue(m.contains("3 images") && m.contains("2 labels"), m);
    }

    @Test
    void truncatedFileNamesFileAndCounts() throws IOException {
        byte[] raw = Fixtures.idx(new int[] {3, 2, 3}, PIXELS);
        Path p = write("cut-idx3-ubyte", Arrays.copyOf(raw, raw.length - 5));
        String m = assertThrows(DataException.class, () -> IdxReader.read(p)).getMessage();
        assertTrue(m.contains("cut-idx3-ubyte") && m.contains("truncated") && m.contains("18") && m.contains("13"), m);
    }

    @Test
    void truncatedGzipIsReported() throws IOException {
        byte[] gz = Fixtures.gzip(Fixtures.idx(new int[] {3, 2, 3}, PIXELS));
        Path p = write("cut.gz", Arrays.copyOf(gz, gz.length / 2));
        String m = assertThrows(DataException.class, () -> IdxReader.read(p)).getMessage();
        assertTrue(m.contains("cut.gz") && m.contains("truncated"), m);
    }

    @Test
    void badMagicAndTypeAndTrailingBytesAreRejected() throws IOException {
        Path text = write("notes.txt", "hello world, not IDX".getBytes());
        assertTrue(assertThrows(DataException.class, () -> IdxReader.read(text)).getMessage().contains("magic"));
        byte[] ints = Fixtures.idx(new int[] {1}, new byte[] {1});
        ints[2] = 0x0C;
        Path p = write("ints", ints);
        assertTrue(assertThrows(DataException.class, () -> IdxReader.read(p)).getMessage().contains("0xc"));
        byte[] extra = Arrays.copyOf(Fixtures.idx(new int[] {1}, new byte[] {1}), 11);
        Path q = write("extra", extra);
        assertTrue(assertThrows(DataException.class, () -> IdxReader.read(q)).getMessage().contains("beyond"));
        Path empty = write("empty", new byte[0]);
        assertTrue(assertThrows(DataException.class, () -> IdxReader.read(empty)).getMessage().contains("too short"));
    }

    @Test
    void missingFileNamesThePath() {
        Path p = dir.resolve("nowhere/train-images-idx3-ubyte");
        String m = assertThrows(DataException.class, () -> IdxReader.read(p)).getMessage();
        assertTrue(m.contains("no such file") && m.contains(p.toAbsolutePath().toString()), m);
    }

    @Test
    void labelsNeedRankOne() throws IOException {
        Path img = write("img", Fixtures.idx(new int[] {3, 2, 3}, PIXELS));
        assertTrue(assertThrows(DataException.class, () -> IdxReader.labels(img)).getMessage().contains("labels need [N]"));
    }
}
