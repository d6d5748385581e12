package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The minimal tar and ar readers on archives built in the test. */
class ArchiveTest {
    @TempDir
    Path dir;

    private static final byte[] BIG = new byte[1300];

    static {
        for (int i = 0; i < BIG.length; i++) {
            BIG[i] = (byte) (i * 7);
        }
    }

    private static List<String> names(byte[] tar, List<byte[]> contents) {
        List<String> out = new ArrayList<>();
        TarReader.forEach(new ByteArrayInputStream(tar), "test.tar", (path, size, in) -> {
            out.add(path + ":" + size);
            if (contents != null && path.endsWith("big")) {
                contents.add(in.readAllBytes());
            }
        });
        return out;
    }

    @Test
    void tarRawAndGzipped() {
        byte[] tar = Fixtures.tar(new String[] {"package/a.txt", "package/data/big", "package/empty"},
                new byte[][] {"hello".getBytes(), BIG, new byte[0]});
        List<byte[]> got = new ArrayList<>();
        assertEquals(List.of("package/a.txt:5", "package/data/big:1300", "package/empty:0"), names(tar, got));
        assertArrayEquals(BIG, got.get(0));
        assertEquals(names(tar, null), names(Fixtures.gzip(tar), null));
    }

    @Test
    void tarCorruptHeaderAndTruncation() {
        byte[] tar = Fixtures.tar(new String[] {"a", "b"}, new byte[][] {BIG, BIG});
        byte[] corrupt = tar.clone();
        corrupt[3] ^= 1;
        String m = assertThrows(DataException.class, () -> names(corrupt, null)).getMessage();
        assertTrue(m.contains("test.tar") && m.contains("checksum"), m);
        byte[] cut = Arrays.copyOf(tar, 512 + 700);
        String t = assertThrows(DataException.class, () -> names(cut, new ArrayList<>())).getMessage();
        assertTrue(t.contains("truncated"), t);
    }

    @Test
    void arMembersAndContent() throws IOException {
        byte[] tgz = Fixtures.gzip(Fixtures.tar(new String[] {"./usr/x"}, new byte[][] {"xyz".getBytes()}));
        Path deb = dir.resolve("p.deb");
        Files.write(deb, Fixtures.ar(new String[] {"debian-binary", "control.tar.gz", "data.tar.gz"},
                new byte[][] {"2.0\n".getBytes(), "odd".getBytes(), tgz}));
        List<ArReader.Member> ms = ArReader.members(deb);
        assertEquals(List.of("debian-binary", "control.tar.gz", "data.tar.gz"),
                ms.stream().map(ArReader.Member::name).toList());
        try (InputStream in = ArReader.open(deb, ms.get(2))) {
            assertArrayEquals(tgz, in.readAllBytes());
        }
        try (InputStream in = ArReader.open(deb, ms.get(1))) {
            assertArrayEquals("odd".getBytes(), in.readAllBytes());
        }
        Path notAr = dir.resolve("x.deb");
        Files.writeString(notAr, "PK not an ar");
        String m = assertThrows(DataException.class, () -> ArReader.members(notAr)).getMessage();
        assertTrue(m.contains("not an ar archive") && m.contains("x.deb"), m);
    }
}
