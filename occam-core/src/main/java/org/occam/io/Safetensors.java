package org.occam.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * Reads and writes parameter trees in the <a href="https://github.com/huggingface/safetensors">safetensors</a>
 * format, the checkpoint format that PyTorch, JAX and Hugging Face read.
 *
 * <p>Layout: an 8-byte little-endian unsigned header length {@code N}, {@code N} bytes of UTF-8 JSON
 * <pre>{"__metadata__": {"k": "v"}, "0.weight": {"dtype": "F32", "shape": [512, 784], "data_offsets": [0, 1605632]}, ...}</pre>
 * then the little-endian data buffer; offsets are relative to the buffer start. The writer keeps
 * the {@link Params} order in the header and the buffer and pads the header with spaces so the
 * buffer starts at a multiple of 8 bytes. The reader accepts any valid file and returns tensors in
 * buffer (data_offsets) order, so a file written here reads back in its original order.
 *
 * <p>Dtypes: F32 and F64 are read and written; F16 and BF16 are read and widened to float32; I64
 * (PyTorch's BatchNorm num_batches_tracked) is read as float64, exact up to 2^53.
 * Malformed files (truncated, header length past the end, offsets out of range, overlapping or
 * leaving gaps, unsupported dtypes, shapes that do not match their byte ranges) are rejected with
 * a {@link MalformedFileException} whose message starts with {@code "invalid safetensors file <path>: "}
 * (a directory is one too). Reading allocates no more than the file's size: every declared length
 * is checked against it first.
 * Writes are atomic ({@link AtomicFiles}).
 */
public final class Safetensors {
    /** The largest header accepted, as in the reference implementation (guards against garbage files). */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    private static final String METADATA_KEY = "__metadata__";
    private static final int CHUNK_BYTES = 1 << 20;

    private Safetensors() {
    }

    /**
     * Writes {@code params} with no metadata.
     *
     * @param file the file to write (replaced atomically)
     * @param params the tensors, written in their order
     * @throws IOException when writing fails
     */
    public static void write(Path file, Params params) throws IOException {
        write(file, params, Map.of());
    }

    /**
     * Writes {@code params} (in their order) and string {@code metadata} (may be null or empty) to
     * {@code file}, atomically replacing any existing file.
     *
     * @param file the file to write
     * @param params the tensors, written in their order
     * @param metadata string pairs for the header's {@code __metadata__}, or null
     * @throws IllegalArgumentException if a tensor is named {@code __metadata__} or metadata holds null
     * @throws IOException when writing fails
     */
    public static void write(Path file, Params params, Map<String, String> metadata) throws IOException {
        StringBuilder json = new StringBuilder("{");
        if (metadata != null && !metadata.isEmpty()) {
            Json.quote(json, METADATA_KEY).append(":{");
            boolean first = true;
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw new IllegalArgumentException("safetensors metadata cannot hold null: " + e.getKey() + "=" + e.getValue());
                }
                Json.quote(json.append(first ? "" : ","), e.getKey()).append(':');
                Json.quote(json, e.getValue());
                first = false;
            }
            json.append('}');
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : params) {
            if (e.getKey().equals(METADATA_KEY)) {
                throw new IllegalArgumentException("a tensor cannot be named " + METADATA_KEY + " in a safetensors file");
            }
            Tensor t = e.getValue();
            long bytes = (long) t.numel() * t.dtype().bytes();
            Json.quote(json.append(json.length() > 1 ? "," : ""), e.getKey())
                    .append(":{\"dtype\":\"").append(code(t.dtype()))
                    .append("\",\"shape\":").append(Shape.str(t.shapeRef()).replace(" ", ""))
                    .append(",\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
        }
        json.append('}');
        byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) & ~7; // 8 + padded is a multiple of 8
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(header);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        head.flip();
        AtomicFiles.write(file, tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writeFully(ch, head);
                ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (Map.Entry<String, Tensor> e : params) {
                    writeTensor(ch, e.getValue(), buf);
                }
            }
        });
    }

    /**
     * Reads all tensors of {@code file}, in data buffer order.
     *
     * @param file a safetensors file
     * @return its tensors by name
     * @throws IOException when the file cannot be read
     */
    public static Params read(Path file) throws IOException {
        try (FileChannel ch = open(file)) {
            Header h = readHeader(file, ch);
            Map<String, Tensor> out = new LinkedHashMap<>();
            ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (Entry e : h.entries) {
                out.put(e.name, readTensor(file, ch, h.dataStart + e.begin, e, buf));
            }
            return Params.of(out);
        }
    }

    /**
     * Reads only the {@code __metadata__} map of {@code file} (empty if absent), in file order.
     *
     * @param file a safetensors file
     * @return the metadata pairs
     * @throws IOException when the file cannot be read
     */
    public static Map<String, String> readMetadata(Path file) throws IOException {
        try (FileChannel ch = open(file)) {
            return readHeader(file, ch).metadata;
        }
    }

    private static FileChannel open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw bad(file, "it is a directory; give the .safetensors file inside it");
        }
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    // ---------------------------------------------------------------- header

    private record Entry(String name, String dtype, int[] shape, long begin, long end) {
    }

    private record Header(List<Entry> entries, Map<String, String> metadata, long dataStart) {
    }

    private static String code(DType t) {
        return t == DType.FLOAT64 ? "F64" : "F32";
    }

    private static int elementBytes(String dtype) {
        return switch (dtype) {
            case "F64", "I64" -> 8;
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            default -> -1;
        };
    }

    private static Header readHeader(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < 8) {
            throw bad(file, "the file is " + size + " bytes, shorter than the 8-byte header length (empty or truncated file)");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, ch, lenBuf, 0);
        long n = lenBuf.flip().getLong();
        if (n < 0 || n > size - 8) {
            throw bad(file, "header length " + Long.toUnsignedString(n) + " exceeds the " + (size - 8)
                    + " bytes after the length prefix (truncated file, or not a safetensors file)");
        }
        if (n > MAX_HEADER_BYTES) {
            throw bad(file, "header length " + n + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
        }
        ByteBuffer raw = ByteBuffer.allocate((int) n);
        readFully(file, ch, raw, 8);
        String text;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(raw.flip());
            text = chars.toString();
        } catch (CharacterCodingException e) {
            throw bad(file, "the header is not valid UTF-8");
        }
        if (!text.startsWith("{")) {
            throw bad(file, "the header does not start with '{' (not a safetensors file?)");
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad(file, "the header is not valid JSON: " + e.getMessage());
        }
        long bufferBytes = size - 8 - n;
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, Object> kv : asObject(root).entrySet()) {
            if (kv.getKey().equals(METADATA_KEY)) {
                if (!(kv.getValue() instanceof Map<?, ?> m)) {
                    throw bad(file, METADATA_KEY + " must be an object of strings");
                }
                for (Map.Entry<?, ?> me : m.entrySet()) {
                    if (!(me.getValue() instanceof String v)) {
                        throw bad(file, METADATA_KEY + " value for '" + me.getKey() + "' must be a string, got " + me.getValue());
                    }
                    metadata.put((String) me.getKey(), v);
                }
            } else {
                entries.add(entry(file, kv.getKey(), kv.getValue(), bufferBytes));
            }
        }
        checkCoverage(file, entries, bufferBytes);
        return new Header(entries, Collections.unmodifiableMap(metadata), 8 + n);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object o) {
        return (Map<String, Object>) o; // the header starts with '{', so the root is an object
    }

    private static Entry entry(Path file, String name, Object value, long bufferBytes) throws IOException {
        String where = "tensor '" + name + "'";
        if (!(value instanceof Map<?, ?> m)) {
            throw bad(file, where + " must be an object with dtype, shape and data_offsets");
        }
        if (!(m.get("dtype") instanceof String dtype)) {
            throw bad(file, where + " has no string \"dtype\"");
        }
        int elem = elementBytes(dtype);
        if (elem < 0) {
            throw bad(file, where + " has dtype " + dtype + ", which Occam cannot read; supported dtypes are F32, F64"
                    + " (and F16, BF16, read as float32; I64, read as float64)");
        }
        long[] shapeL = longs(file, where, "shape", m.get("shape"), -1);
        long[] off = longs(file, where, "data_offsets", m.get("data_offsets"), 2);
        int[] shape = new int[shapeL.length];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shapeL[i] > Integer.MAX_VALUE) {
                throw bad(file, where + " has a dimension too large: " + java.util.Arrays.toString(shapeL));
            }
            shape[i] = (int) shapeL[i];
            numel = Math.min(numel * shapeL[i], 1L << 31); // capped, so it cannot overflow
        }
        if (numel > Integer.MAX_VALUE) {
            throw bad(file, where + " with shape " + Shape.str(shape) + " has more than 2^31-1 elements");
        }
        String offsets = "[" + off[0] + ", " + off[1] + "]";
        if (off[0] > off[1]) {
            throw bad(file, where + " has data_offsets " + offsets + " that end before they begin");
        }
        if (off[1] > bufferBytes) {
            throw bad(file, where + " has data_offsets " + offsets + " beyond the end of the " + bufferBytes
                    + "-byte data buffer (truncated file?)");
        }
        if (numel * elem != off[1] - off[0]) {
            throw bad(file, where + " with dtype " + dtype + " and shape " + Shape.str(shape) + " needs " + numel * elem
                    + " bytes, but its data_offsets " + offsets + " span " + (off[1] - off[0]) + " bytes");
        }
        return new Entry(name, dtype, shape, off[0], off[1]);
    }

    private static long[] longs(Path file, String where, String field, Object o, int length) throws IOException {
        if (!(o instanceof List<?> list) || (length >= 0 && list.size() != length)) {
            throw bad(file, where + " needs \"" + field + "\" as " + (length >= 0 ? "a list of " + length : "a list of")
                    + " non-negative integers, got " + o);
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long v) || v < 0) {
                throw bad(file, where + " needs \"" + field + "\" as a list of non-negative integers, got " + o);
            }
            out[i] = v;
        }
        return out;
    }

    /** Sorts by offsets and checks that the tensors tile the whole buffer: no overlap, no gap. */
    private static void checkCoverage(Path file, List<Entry> entries, long bufferBytes) throws IOException {
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long covered = 0;
        Entry prev = null;
        for (Entry e : entries) {
            if (e.begin < covered) {
                throw bad(file, "tensor '" + e.name + "' data_offsets [" + e.begin + ", " + e.end + "] overlap those of '"
                        + prev.name + "' [" + prev.begin + ", " + prev.end + "]");
            }
            if (e.begin > covered) {
                throw bad(file, "bytes [" + covered + ", " + e.begin + ") of the data buffer before tensor '" + e.name
                        + "' belong to no tensor");
            }
            covered = e.end;
            prev = e;
        }
        if (covered != bufferBytes) {
            throw bad(file, "the data buffer has " + bufferBytes + " bytes but the tensors cover only " + covered
                    + " (trailing bytes after the last tensor)");
        }
    }

    private static MalformedFileException bad(Path file, String detail) {
        return new MalformedFileException("invalid safetensors file " + file + ": " + detail);
    }

    // ---------------------------------------------------------------- data

    private static void writeTensor(FileChannel ch, Tensor t, ByteBuffer buf) throws IOException {
        int n = t.numel();
        if (t.dtype() == DType.FLOAT64) {
            double[] a = t.isDense() ? t.doubleData() : t.toDoubleArray();
            for (int i = 0; i < n; ) {
                int k = Math.min(n - i, CHUNK_BYTES / 8);
                buf.clear();
                buf.asDoubleBuffer().put(a, i, k);
                writeFully(ch, buf.limit(k * 8));
                i += k;
            }
        } else {
            float[] a = t.isDense() ? t.floatData() : t.toFloatArray();
            for (int i = 0; i < n; ) {
                int k = Math.min(n - i, CHUNK_BYTES / 4);
                buf.clear();
                buf.asFloatBuffer().put(a, i, k);
                writeFully(ch, buf.limit(k * 4));
                i += k;
            }
        }
    }

    private static Tensor readTensor(Path file, FileChannel ch, long pos, Entry e, ByteBuffer buf) throws IOException {
        int n = Shape.numel(e.shape);
        int elem = elementBytes(e.dtype);
        double[] d = e.dtype.equals("F64") || e.dtype.equals("I64") ? new double[n] : null;
        float[] f = d == null ? new float[n] : null;
        for (int i = 0; i < n; ) {
            int k = Math.min(n - i, CHUNK_BYTES / elem);
            buf.clear().limit(k * elem);
            readFully(file, ch, buf, pos);
            buf.flip();
            switch (e.dtype) {
                case "F64" -> buf.asDoubleBuffer().get(d, i, k);
                case "F32" -> buf.asFloatBuffer().get(f, i, k);
                case "I64" -> {
                    for (int j = 0; j < k; j++) {
                        d[i + j] = buf.getLong(8 * j);
                    }
                }
                case "F16" -> {
                    for (int j = 0; j < k; j++) {
                        f[i + j] = Float.float16ToFloat(buf.getShort(2 * j));
                    }
                }
                default -> { // BF16: the top half of a float32
                    for (int j = 0; j < k; j++) {
                        f[i + j] = Float.intBitsToFloat((buf.getShort(2 * j) & 0xffff) << 16);
                    }
                }
            }
            pos += (long) k * elem;
            i += k;
        }
        return d != null ? Tensor.wrap(d, e.shape) : Tensor.wrap(f, e.shape);
    }

    private static void readFully(Path file, FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos);
            if (r < 0) {
                throw bad(file, "unexpected end of file at byte " + pos + " (the file shrank while being read?)");
            }
            pos += r;
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
