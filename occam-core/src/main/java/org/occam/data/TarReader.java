package org.occam.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal reader of (optionally gzipped) tar archives: ustar and old-style headers, regular
 * files only. Directories, links, and pax/GNU extension records are skipped; header checksums are
 * verified. Enough to unpack npm tarballs and Debian data.tar.gz without a dependency.
 */
public final class TarReader {
    private static final int BLOCK = 512;

    private TarReader() {}

    /** Receives each regular file: its path in the archive, size, and a stream of exactly its bytes. */
    @FunctionalInterface
    public interface EntryHandler {
        /**
         * Handles one file of the archive.
         *
         * @param path its path inside the archive
         * @param size its length in bytes
         * @param content exactly its bytes, readable only during this call
         * @throws IOException when reading the content fails
         */
        void file(String path, long size, InputStream content) throws IOException;
    }

    /**
     * Calls {@code handler} for each regular file of a tar stream (gunzipped if it is gzip data).
     * The content stream is valid only during the call; unread bytes are skipped.
     *
     * @param source names the archive in error messages
     * @param archive the tar bytes, optionally gzipped
     * @param handler receives each regular file
     */
    public static void forEach(InputStream archive, String source, EntryHandler handler) {
        try {
            InputStream in = Inputs.maybeGunzip(archive);
            byte[] header = new byte[BLOCK];
            while (true) {
                int got = readFully(in, header);
                if (got == 0) {
                    return; // archives may end without the two zero blocks
                }
                if (got < BLOCK) {
                    throw new DataException("tar archive " + source + " is truncated inside a header");
                }
                if (isZero(header)) {
                    return;
                }
                checkChecksum(header, source);
                String name = string(header, 0, 100);
                String prefix = isUstar(header) ? string(header, 345, 155) : "";
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                long size = octal(header, 124, 12, source, path);
                char type = (char) header[156];
                Bounded content = new Bounded(in, size);
                if (type == '0' || type == '\0' || type == '7') {
                    handler.file(path, size, content);
                }
                content.skipRest(source, path);
                long pad = (BLOCK - size % BLOCK) % BLOCK;
                if (in.readNBytes((int) pad).length < pad) {
                    return; // some writers omit the final padding and end-of-archive blocks
                }
            }
        } catch (java.io.EOFException e) {
            throw new DataException("tar archive " + source + " is truncated", e);
        } catch (IOException e) {
            throw new DataException("cannot read tar archive " + source + ": " + e.getMessage()
                    + " (truncated or corrupt gzip data?)", e);
        }
    }

    private static boolean isUstar(byte[] h) {
        return h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
    }

    private static void checkChecksum(byte[] h, String source) {
        long stored;
        try {
            stored = octal(h, 148, 8, source, "(header)");
        } catch (DataException e) {
            throw new DataException("tar archive " + source + " has a corrupt header (bad checksum field)");
        }
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        if (sum != stored) {
            throw new DataException("tar archive " + source + " has a corrupt header: checksum " + stored
                    + " stored, " + sum + " computed");
        }
    }

    private static String string(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] h, int off, int len, String source, String path) {
        if ((h[off] & 0x80) != 0) {
            throw new DataException("tar archive " + source + ": entry " + path
                    + " uses a base-256 size (over 8 GB); unsupported");
        }
        long v = 0;
        boolean any = false;
        for (int i = off; i < off + len; i++) {
            byte b = h[i];
            if (b == 0 || b == ' ') {
                if (any) {
                    break;
                }
                continue;
            }
            if (b < '0' || b > '7') {
                throw new DataException("tar archive " + source + ": entry " + path + " has a malformed octal field");
            }
            v = v * 8 + (b - '0');
            any = true;
        }
        return v;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static int readFully(InputStream in, byte[] b) throws IOException {
        int off = 0;
        while (off < b.length) {
            int n = in.read(b, off, b.length - off);
            if (n < 0) {
                break;
            }
            off += n;
        }
        return off;
    }

    /** A view of the next {@code remaining} bytes of the archive stream. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long remaining;

        Bounded(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("archive ends inside an entry");
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new java.io.EOFException("archive ends inside an entry");
            }
            remaining -= n;
            return n;
        }

        @Override
        public void close() {
            // the archive stream stays open
        }

        void skipRest(String source, String path) throws IOException {
            byte[] buf = new byte[8192];
            while (remaining > 0) {
                if (read(buf, 0, buf.length) < 0) {
                    throw new DataException("tar archive " + source + " is truncated inside " + path);
                }
            }
        }
    }
}
