package org.occam.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Helpers that build small test fixtures in memory. */
final class Fixtures {
    private Fixtures() {}

    /** A test resource of this package as a path. */
    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /** An IDX file of unsigned bytes with the given dimensions and values. */
    static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) 8).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A ustar tar archive of regular files (name → content), with valid checksums. */
    static byte[] tar(String[] names, byte[][] contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < names.length; i++) {
            byte[] h = new byte[512];
            put(h, 0, names[i]);
            put(h, 100, "0000644");
            put(h, 108, "0001750");
            put(h, 116, "0001750");
            put(h, 124, String.format("%011o", contents[i].length));
            put(h, 136, String.format("%011o", 0));
            h[156] = '0';
            put(h, 257, "ustar");
            put(h, 263, "00");
            for (int k = 148; k < 156; k++) {
                h[k] = ' ';
            }
            long sum = 0;
            for (byte x : h) {
                sum += x & 0xff;
            }
            put(h, 148, String.format("%06o", sum));
            h[154] = 0;
            out.writeBytes(h);
            out.writeBytes(contents[i]);
            out.writeBytes(new byte[(512 - contents[i].length % 512) % 512]);
        }
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    /** An ar archive (the .deb container) of the given members. */
    static byte[] ar(String[] names, byte[][] contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("!<arch>\n".getBytes());
        for (int i = 0; i < names.length; i++) {
            String h = String.format("%-16s%-12s%-6s%-6s%-8s%-10s`\n", names[i], "0", "0", "0", "100644",
                    contents[i].length);
            out.writeBytes(h.getBytes());
            out.writeBytes(contents[i]);
            if (contents[i].length % 2 == 1) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes();
        System.arraycopy(b, 0, h, off, b.length);
    }
}
