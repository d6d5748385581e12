package org.occam.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * Safetensors reading and writing: round trips, the exact byte layout, a hand-made fixture built
 * from the specification (not from our writer), and the errors for malformed files.
 */
class SafetensorsTest {
    @TempDir
    Path dir;

    // ---------------------------------------------------------------- round trips

    @Test
    void roundTripIsBitExactAndKeepsOrder() throws IOException {
        float[] special = {0f, -0f, 1f, -1.5f, Float.MIN_VALUE, Float.MAX_VALUE, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.NaN, Float.intBitsToFloat(0x7fc12345), 1e-40f, (float) Math.PI};
        double[] specialD = {0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NEGATIVE_INFINITY,
                Double.longBitsToDouble(0x7ff8000000abcdefL), Math.E, -1e-310};
        Params p = Params.of(
                "z.weight", Tensor.of(special, 3, 4),
                "a.bias", Tensor.of(new float[] {1, 2, 3, 4}, 4),
                "scalar", Tensor.of(new float[] {42.5f}),
                "empty", Tensor.zeros(DType.FLOAT32, 0, 3),
                "d.weight", Tensor.of(specialD, 2, 2, 2),
                "d.scalar", Tensor.of(new double[] {-7.25}),
                "d.empty", Tensor.zeros(DType.FLOAT64, 0),
                "transposed", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).t());
        Path f = dir.resolve("p.safetensors");
        Safetensors.write(f, p);
        Params q = Safetensors.read(f);
        assertEquals(p.names(), q.names());
        for (String name : p.names()) {
            assertSameTensor(p.get(name), q.get(name), name);
        }
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, q.get("transposed").toFloatArray());
        assertArrayEquals(new int[] {3, 2}, q.get("transposed").shape());
        assertEquals(Map.of(), Safetensors.readMetadata(f));
    }

    @Test
    void emptyParams() throws IOException {
        Path f = dir.resolve("none.safetensors");
        Safetensors.write(f, Params.of(new LinkedHashMap<>()));
        assertEquals(List.of(), Safetensors.read(f).names());
        assertArrayEquals(fileBytes("{}      ", new byte[0]), Files.readAllBytes(f));
    }

    @Test
    void metadataRoundTripKeepsOrderAndOddCharacters() throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("step", "1200");
        meta.put("note", "quote \" backslash \\ newline \n tab \t ü 😀 \u0001");
        meta.put("", "");
        Path f = dir.resolve("m.safetensors");
        Safetensors.write(f, Params.of("w", Tensor.of(new float[] {1}, 1)), meta);
        Map<String, String> back = Safetensors.readMetadata(f);
        assertEquals(meta, back);
        assertEquals(List.copyOf(meta.keySet()), List.copyOf(back.keySet()));
        Safetensors.write(f, Params.of("w", Tensor.of(new float[] {1}, 1)), null);
        assertEquals(Map.of(), Safetensors.readMetadata(f));
    }

    @Test
    void headerIsPaddedWithSpacesToAlignTheBuffer() throws IOException {
        for (int len = 1; len <= 17; len++) {
            Path f = dir.resolve("a" + len + ".safetensors");
            Safetensors.write(f, Params.of("x".repeat(len), Tensor.of(new double[] {len}, 1)), Map.of("k", "v".repeat(len)));
            byte[] b = Files.readAllBytes(f);
            long n = readLe(b, 0);
            assertEquals(0, (8 + n) % 8, "buffer offset for name length " + len);
            assertEquals(8 + n + 8, b.length);
            String header = new String(b, 8, (int) n, StandardCharsets.UTF_8);
            assertTrue(header.startsWith("{") && header.stripTrailing().endsWith("}"), header);
            assertTrue(header.stripTrailing().length() > n - 8, "at most 7 padding spaces: " + header);
            assertEquals(len, Double.longBitsToDouble(readLe(b, (int) (8 + n))));
        }
    }

    @Test
    void writerProducesExactlyTheSpecifiedBytes() throws IOException {
        Path f = dir.resolve("exact.safetensors");
        Safetensors.write(f, Params.of("b", Tensor.of(new float[] {1, -2}, 2), "a", Tensor.of(new double[] {0.5})),
                Map.of("k", "v"));
        String header = "{\"__metadata__\":{\"k\":\"v\"},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"a\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[8,16]}}";
        assertEquals(132, header.length()); // padded with 4 spaces to 136
        assertArrayEquals(fileBytes(header + "    ", f32(1, -2), f64(0.5)), Files.readAllBytes(f));
    }

    @Test
    void mlpSizedCheckpointIsFast() throws IOException {
        int[][] shapes = {{512, 784}, {512}, {512, 512}, {512}, {10, 512}, {10}};
        String[] names = {"0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"};
        Map<String, Tensor> m = new LinkedHashMap<>();
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < names.length; i++) {
            float[] a = new float[Arrays.stream(shapes[i]).reduce(1, (x, y) -> x * y)];
            for (int j = 0; j < a.length; j++) {
                a[j] = (float) rnd.nextGaussian();
            }
            m.put(names[i], Tensor.wrap(a, shapes[i]));
        }
        Params p = Params.of(m);
        assertEquals(669_706, p.numel());
        Path f = dir.resolve("mlp.safetensors");
        long bestWrite = Long.MAX_VALUE;
        long bestRead = Long.MAX_VALUE;
        Params q = null;
        for (int rep = 0; rep < 5; rep++) {
            long t0 = System.nanoTime();
            Safetensors.write(f, p);
            long t1 = System.nanoTime();
            q = Safetensors.read(f);
            long t2 = System.nanoTime();
            bestWrite = Math.min(bestWrite, t1 - t0);
            bestRead = Math.min(bestRead, t2 - t1);
        }
        System.out.printf("safetensors 784-512-512-10 MLP (%d floats, %d bytes): write %.1f ms (incl. fsync), read %.1f ms%n",
                p.numel(), Files.size(f), bestWrite / 1e6, bestRead / 1e6);
        for (String name : names) {
            assertSameTensor(p.get(name), q.get(name), name);
        }
        assertTrue(bestRead < 500e6 && bestWrite < 2000e6, "too slow: write " + bestWrite / 1e6 + " ms, read " + bestRead / 1e6 + " ms");
    }

    @Test
    void rejectsBadNamesAndMetadataOnWrite() {
        Path f = dir.resolve("x.safetensors");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Safetensors.write(f, Params.of("__metadata__", Tensor.of(new float[] {1}, 1))));
        assertEquals("a tensor cannot be named __metadata__ in a safetensors file", e.getMessage());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("k", null);
        e = assertThrows(IllegalArgumentException.class, () -> Safetensors.write(f, Params.of("w", Tensor.of(new float[] {1}, 1)), meta));
        assertEquals("safetensors metadata cannot hold null: k=null", e.getMessage());
        assertTrue(!Files.exists(f));
    }

    // ---------------------------------------------------------------- a fixture made from the spec

    @Test
    void readsAHandMadeFileWrittenFromTheSpecification() throws IOException {
        // Keys in arbitrary order with JSON whitespace and escapes, metadata in the middle; buffer
        // order b"q, é/x, empty, h, bf, m; F64 and F32 data at unaligned offsets; no padding.
        String header = "{ \"m\" : {\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[30,38]},\n"
                + "  \"__metadata__\": {\"format\": \"pt\", \"who\": \"hand\\u0020made\"},\n"
                + "  \"h\": {\"shape\": [3], \"dtype\": \"F16\", \"data_offsets\": [20, 26]},\n"
                + "  \"bf\": {\"dtype\": \"BF16\", \"shape\": [2], \"data_offsets\": [26, 30]},\n"
                + "  \"empty\": {\"dtype\": \"F32\", \"shape\": [0, 2], \"data_offsets\": [20, 20]},\n"
                + "  \"\\u00e9\\/x\": {\"dtype\": \"F32\", \"shape\": [], \"data_offsets\": [16, 20]},\n"
                + "  \"b\\\"q\": {\"dtype\": \"F64\", \"shape\": [2], \"data_offsets\": [0, 16]} }";
        byte[] f16 = {0x00, 0x3C, 0x00, (byte) 0xC0, 0x01, 0x00}; // 1.0, -2.0, 2^-24
        byte[] bf16 = {(byte) 0x80, 0x3F, 0x40, (byte) 0xC0};     // 1.0, -3.0
        Path f = dir.resolve("fixture.safetensors");
        Files.write(f, fileBytes(header, f64(1.5, -0.25), f32(3f), f16, bf16, f32(0.1f, 7f)));

        Params p = Safetensors.read(f);
        assertEquals(List.of("b\"q", "é/x", "empty", "h", "bf", "m"), p.names());
        assertSameTensor(Tensor.of(new double[] {1.5, -0.25}, 2), p.get("b\"q"), "b\"q");
        assertSameTensor(Tensor.of(new float[] {3f}), p.get("é/x"), "é/x");
        assertSameTensor(Tensor.zeros(DType.FLOAT32, 0, 2), p.get("empty"), "empty");
        assertSameTensor(Tensor.of(new float[] {1f, -2f, 0x1p-24f}, 3), p.get("h"), "h");
        assertSameTensor(Tensor.of(new float[] {1f, -3f}, 2), p.get("bf"), "bf");
        assertSameTensor(Tensor.of(new float[] {0.1f, 7f}, 2, 1), p.get("m"), "m");
        assertEquals(Map.of("format", "pt", "who", "hand made"), Safetensors.readMetadata(f));
    }

    // ---------------------------------------------------------------- malformed files

    private static final String A = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";

    @Test
    void rejectsTooShortFiles() throws IOException {
        assertBad(new byte[0], "the file is 0 bytes, shorter than the 8-byte header length (empty or truncated file)");
        assertBad(new byte[5], "the file is 5 bytes, shorter than the 8-byte header length (empty or truncated file)");
    }

    @Test
    void rejectsHeaderLengthBeyondTheFile() throws IOException {
        byte[] good = fileBytes(A + "}", f32(1, 2));
        byte[] cut = Arrays.copyOf(good, 8 + A.length() - 2);
        assertBad(cut, "header length " + (A.length() + 1) + " exceeds the " + (A.length() - 2)
                + " bytes after the length prefix (truncated file, or not a safetensors file)");
        byte[] huge = good.clone();
        Arrays.fill(huge, 0, 8, (byte) 0xff);
        assertBad(huge, "header length 18446744073709551615 exceeds the " + (good.length - 8)
                + " bytes after the length prefix (truncated file, or not a safetensors file)");
    }

    @Test
    void rejectsHeadersOverTheLimit() throws IOException {
        Path f = dir.resolve("big.safetensors");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.write(le(Safetensors.MAX_HEADER_BYTES + 1, 8));
            raf.setLength(Safetensors.MAX_HEADER_BYTES + 100); // sparse
        }
        IOException e = assertThrows(IOException.class, () -> Safetensors.read(f));
        assertEquals("invalid safetensors file " + f + ": header length 100000001 exceeds the limit of 100000000 bytes",
                e.getMessage());
    }

    @Test
    void rejectsTruncatedData() throws IOException {
        Path f = dir.resolve("t.safetensors");
        Safetensors.write(f, Params.of("a", Tensor.of(new float[] {1, 2}, 2), "b", Tensor.of(new float[] {3, 4, 5}, 3)));
        byte[] b = Files.readAllBytes(f);
        assertBad(Arrays.copyOf(b, b.length - 4),
                "tensor 'b' has data_offsets [8, 20] beyond the end of the 16-byte data buffer (truncated file?)");
    }

    @Test
    void rejectsOverlapsGapsAndTrailingBytes() throws IOException {
        assertBad(fileBytes(A + ",\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", new byte[12]),
                "tensor 'b' data_offsets [4, 12] overlap those of 'a' [0, 8]");
        assertBad(fileBytes(A + ",\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[12,20]}}", new byte[20]),
                "bytes [8, 12) of the data buffer before tensor 'b' belong to no tensor");
        assertBad(fileBytes(A + "}", new byte[12]),
                "the data buffer has 12 bytes but the tensors cover only 8 (trailing bytes after the last tensor)");
        assertBad(fileBytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[8,0]}}", new byte[8]),
                "tensor 'a' has data_offsets [8, 0] that end before they begin");
    }

    @Test
    void rejectsUnknownDtypeNamingTheSupportedOnes() throws IOException {
        assertBad(fileBytes("{\"x\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[0,8]}}", new byte[8]),
                "tensor 'x' has dtype I32, which Occam cannot read; supported dtypes are F32, F64 (and F16, BF16, read as float32;"
                        + " I64, read as float64)");
    }

    @Test
    void readsInt64AsFloat64() throws IOException {
        byte[] data = new byte[16];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putLong(7).putLong(-(1L << 40));
        Path f = dir.resolve("i64.safetensors");
        Files.write(f, fileBytes("{\"n\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[0,16]}}", data));
        Tensor t = Safetensors.read(f).get("n");
        assertEquals(DType.FLOAT64, t.dtype());
        assertEquals(7.0, t.get(0));
        assertEquals(-(double) (1L << 40), t.get(1));
    }

    @Test
    void rejectsShapeThatDoesNotMatchTheByteCount() throws IOException {
        assertBad(fileBytes("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}", new byte[20]),
                "tensor 'w' with dtype F32 and shape [2, 3] needs 24 bytes, but its data_offsets [0, 20] span 20 bytes");
        assertBad(fileBytes("{\"w\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0,4]}}", new byte[4]),
                "tensor 'w' with dtype F64 and shape [] needs 8 bytes, but its data_offsets [0, 4] span 4 bytes");
    }

    @Test
    void rejectsMalformedHeaders() throws IOException {
        assertBad(fileBytes("{\"a\":", new byte[0]),
                "the header is not valid JSON: unexpected end of JSON, expected a value at offset 5");
        assertBad(fileBytes("[1]", new byte[0]), "the header does not start with '{' (not a safetensors file?)");
        assertBad(fileBytes(new byte[] {'{', (byte) 0xff, '}'}), "the header is not valid UTF-8");
        assertBad(fileBytes("{\"__metadata__\":{\"k\":1}}", new byte[0]), "__metadata__ value for 'k' must be a string, got 1");
        assertBad(fileBytes("{\"__metadata__\":[]}", new byte[0]), "__metadata__ must be an object of strings");
        assertBad(fileBytes("{\"a\":3}", new byte[0]), "tensor 'a' must be an object with dtype, shape and data_offsets");
        assertBad(fileBytes("{\"a\":{\"shape\":[],\"data_offsets\":[0,4]}}", new byte[4]), "tensor 'a' has no string \"dtype\"");
        assertBad(fileBytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,0]}}", new byte[0]),
                "tensor 'a' needs \"shape\" as a list of non-negative integers, got [-1]");
        assertBad(fileBytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,0]}}", new byte[0]),
                "tensor 'a' needs \"shape\" as a list of non-negative integers, got [1.5]");
        assertBad(fileBytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0]}}", new byte[0]),
                "tensor 'a' needs \"data_offsets\" as a list of 2 non-negative integers, got [0]");
        assertBad(fileBytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[65536,65536],\"data_offsets\":[0,0]}}", new byte[0]),
                "tensor 'a' with shape [65536, 65536] has more than 2^31-1 elements");
    }

    @Test
    void readMetadataAlsoValidates() throws IOException {
        Path f = dir.resolve("bad.safetensors");
        Files.write(f, fileBytes(A + "}", new byte[4]));
        IOException e = assertThrows(IOException.class, () -> Safetensors.readMetadata(f));
        assertTrue(e.getMessage().endsWith("tensor 'a' has data_offsets [0, 8] beyond the end of the 4-byte data buffer (truncated file?)"));
    }

    // ---------------------------------------------------------------- helpers

    private void assertBad(byte[] content, String detail) throws IOException {
        Path f = dir.resolve("bad.safetensors");
        Files.write(f, content);
        IOException e = assertThrows(IOException.class, () -> Safetensors.read(f));
        assertEquals("invalid safetensors file " + f + ": " + detail, e.getMessage());
    }

    static void assertSameTensor(Tensor expected, Tensor actual, String name) {
        assertEquals(expected.dtype(), actual.dtype(), name);
        assertArrayEquals(expected.shape(), actual.shape(), name);
        if (expected.dtype() == DType.FLOAT64) {
            long[] e = Arrays.stream(expected.toDoubleArray()).mapToLong(Double::doubleToRawLongBits).toArray();
            long[] a = Arrays.stream(actual.toDoubleArray()).mapToLong(Double::doubleToRawLongBits).toArray();
            assertArrayEquals(e, a, name);
        } else {
            float[] e = expected.toFloatArray();
            float[] a = actual.toFloatArray();
            assertEquals(e.length, a.length, name);
            for (int i = 0; i < e.length; i++) {
                assertEquals(Float.floatToRawIntBits(e[i]), Float.floatToRawIntBits(a[i]), name + "[" + i + "]");
            }
        }
    }

    /** A safetensors file: the header's UTF-8 length as 8 little-endian bytes, the header, the data. */
    static byte[] fileBytes(String header, byte[]... data) {
        return fileBytes(header.getBytes(StandardCharsets.UTF_8), data);
    }

    static byte[] fileBytes(byte[] header, byte[]... data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(header.length, 8));
        out.writeBytes(header);
        for (byte[] d : data) {
            out.writeBytes(d);
        }
        return out.toByteArray();
    }

    /** {@code n} little-endian bytes of v, by shifting (independent of ByteBuffer). */
    static byte[] le(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    static long readLe(byte[] b, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }

    static byte[] f32(float... v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (float x : v) {
            out.writeBytes(le(Float.floatToRawIntBits(x), 4));
        }
        return out.toByteArray();
    }

    static byte[] f64(double... v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (double x : v) {
            out.writeBytes(le(Double.doubleToRawLongBits(x), 8));
        }
        return out.toByteArray();
    }
}
