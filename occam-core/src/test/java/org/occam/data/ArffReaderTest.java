package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ARFF: numeric attributes, a nominal class, quoting and comments; unsupported parts fail clearly. */
class ArffReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsNumericFeaturesAndNominalClass() {
        Dataset d = ArffReader.read(Fixtures.resource("tiny.arff"));
        assertEquals("tiny diabetes", d.name());
        assertEquals(3, d.size());
        assertArrayEquals(new int[] {3}, d.sampleShape());
        assertEquals(List.of("tested_negative", "tested positive"), d.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, d.y());
        assertEquals(183.5, d.x().get(2, 1));
        assertEquals(31.0, d.x().get(1, 2));
    }

    @Test
    void nominalFeatureIsRejectedByName() {
        String m = assertThrows(DataException.class, () -> ArffReader.read(Fixtures.resource("tiny-nominal-feature.arff")))
                .getMessage();
        assertTrue(m.contains("'checking'") && m.contains("nominal"), m);
    }

    @Test
    void namedClassAttributeAndErrors() throws IOException {
        Path p = dir.resolve("named.arff");
        Files.writeString(p, """
                @relation r
                @attribute kind {x,y}
                @attribute v numeric
                @data
                y,1.5
                x,2.5
                """);
        Dataset d = ArffReader.read(p, "kind");
        assertArrayEquals(new int[] {1, 0}, d.y());
        assertEquals(2.5, d.x().get(1, 0));

        Path q = dir.resolve("missing.arff");
        Files.writeString(q, "@relation r\n@attribute v numeric\n@attribute c {a,b}\n@data\n?,a\n");
        String m = assertThrows(DataException.class, () -> ArffReader.read(q)).getMessage();
        assertTrue(m.contains("missing.arff:5") && m.contains("'v'"), m);

        Path r = dir.resolve("badclass.arff");
        Files.writeString(r, "@relation r\n@attribute v numeric\n@attribute c {a,b}\n@data\n1,z\n");
        String mr = assertThrows(DataException.class, () -> ArffReader.read(r)).getMessage();
        assertTrue(mr.contains("badclass.arff:5") && mr.contains("'z'"), mr);

        Path s = dir.resolve("string.arff");
        Files.writeString(s, "@relation r\n@attribute t string\n@attribute c {a,b}\n@data\n");
        assertTrue(assertThrows(DataException.class, () -> ArffReader.read(s)).getMessage().contains("type 'string'"));
    }
}
