package org.occam.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal reader of Unix {@code ar} archives, the container of Debian packages (.deb):
 * {@code !<arch>\n}, then for each member a 60-byte header and the data padded to an even length.
 */
public final class ArReader {
    private static final byte[] MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);

    private ArReader() {}

    /**
     * A member: its name, the offset of its data in the archive file, and its size.
     *
     * @param name the member's file name
     * @param offset where its data starts in the archive
     * @param size its length in bytes
     */
    public record Member(String name, long offset, long size) {}

    /**
     * The members of an ar archive, in order.
     *
     * @param file an ar archive (a .deb)
     * @return its members
     */
    public static List<Member> members(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new DataException(file.toAbsolutePath() + " is not an ar archive (a .deb starts with !<arch>)");
            }
            List<Member> out = new ArrayList<>();
            long pos = MAGIC.length;
            while (true) {
                byte[] h = in.readNBytes(60);
                if (h.length == 0) {
                    return out;
                }
                if (h.length < 60 || h[58] != '`' || h[59] != '\n') {
                    throw new DataException("ar archive " + file.toAbsolutePath()
                            + " has a truncated or corrupt member header at byte " + pos);
                }
                String name = new String(h, 0, 16, StandardCharsets.US_ASCII).trim();
                if (name.endsWith("/")) {
                    name = name.substring(0, name.length() - 1); // GNU style
                }
                long size;
                try {
                    size = Long.parseLong(new String(h, 48, 10, StandardCharsets.US_ASCII).trim());
                } catch (NumberFormatException e) {
                    throw new DataException("ar archive " + file.toAbsolutePath() + ": member " + name
                            + " has a bad size field");
                }
                pos += 60;
                out.add(new Member(name, pos, size));
                long skip = size + (size & 1);
                in.skipNBytes(skip);
                pos += skip;
            }
        } catch (java.io.EOFException e) {
            throw new DataException("ar archive " + file.toAbsolutePath() + " is truncated", e);
        } catch (IOException e) {
            throw new DataException("cannot read ar archive " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A stream of one member's bytes (the caller closes it).
     *
     * @param file the archive
     * @param m one of its members
     * @return a stream of exactly that member's bytes
     * @throws IOException when the archive cannot be read
     */
    public static InputStream open(Path file, Member m) throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(m.offset());
        return new java.io.FilterInputStream(in) {
            private long left = m.size();

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }
}
