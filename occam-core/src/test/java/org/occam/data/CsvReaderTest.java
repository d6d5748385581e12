package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.tensor.DType;

/** The three CSV layouts, gzip, and the error messages for malformed rows. */
class CsvReaderTest {
    @TempDir
    Path dir;

    @Test
    void sklearnLayoutWithClassNames() {
        Dataset d = CsvReader.read(Fixtures.resource("tiny-sklearn.csv"));
        assertEquals("tiny-sklearn", d.name());
        assertEquals(4, d.size());
        assertArrayEquals(new int[] {3}, d.sampleShape());
        assertArrayEquals(new int[] {0, 0, 2, 1}, d.y());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertEquals(DType.FLOAT64, d.dtype());
        assertEquals(6.0, d.x().get(2, 2));
    }

    @Test
    void headerLayoutWithNamedLabelColumnAndStringClasses() {
        Dataset d = CsvReader.read(Fixtures.resource("tiny-header.csv"), "species");
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertArrayEquals(new int[] {0, 1, 2, 0}, d.y());
        assertArrayEquals(new int[] {3}, d.sampleShape());
        assertEquals(4.7, d.x().get(1, 2)); // petal length comes after the label column
        String m = assertThrows(DataException.class, () -> CsvReader.read(Fixtures.resource("tiny-header.csv"), "kind"))
                .getMessage();
        assertTrue(m.contains("no column named 'kind'") && m.contains("species"), m);
    }

    @Test
    void headerlessLayoutIsDetected() {
        Dataset d = CsvReader.read(Fixtures.resource("tiny-headerless.csv"));
        assertEquals(3, d.size());
        assertArrayEquals(new int[] {3, 1, 2}, d.y());
        assertEquals(4, d.numClasses());
        assertTrue(d.classNames().isEmpty());
    }

    @Test
    void gzippedStreamsAreRead() {
        byte[] gz = Fixtures.gzip("2,1,no,yes\n0.5,1\n1.5,0\n".getBytes());
        Dataset d = CsvReader.read(new ByteArrayInputStream(gz), "x/answers.csv.gz", CsvReader.Format.AUTO, null);
        assertEquals("answers", d.name());
        assertArrayEquals(new int[] {1, 0}, d.y());
        assertEquals(List.of("no", "yes"), d.classNames());
    }

    @Test
    void badNumberNamesLineAndColumn() {
        String m = assertThrows(DataException.class, () -> CsvReader.read(Fixtures.resource("tiny-bad-number.csv")))
                .getMessage();
        assertTrue(m.contains("tiny-bad-number.csv:3") && m.contains("column 'b'") && m.contains("'oops'"), m);
    }

    @Test
    void wrongWidthAndWrongCountAreReported() throws IOException {
        Path p = dir.resolve("ragged.csv");
        Files.writeString(p, "1,2,0\n3,1\n");
        String m = assertThrows(DataException.class, () -> CsvReader.read(p)).getMessage();
        assertTrue(m.contains("ragged.csv:2") && m.contains("expected 3 fields, found 2"), m);
        Path q = dir.resolve("count.csv");
        Files.writeString(q, "3,1,a,b\n0.1,0\n0.2,1\n");
        String mq = assertThrows(DataException.class, () -> CsvReader.read(q, CsvReader.Format.SKLEARN, null)).getMessage();
        assertTrue(mq.contains("announces 3 samples but 2 rows"), mq);
        Path r = dir.resolve("label.csv");
        Files.writeString(r, "1,2,0.5\n");
        String mr = assertThrows(DataException.class, () -> CsvReader.read(r)).getMessage();
        assertTrue(mr.contains("label '0.5'"), mr);
    }

    @Test
    void missingFileNamesThePath() {
        Path p = dir.resolve("absent.csv");
        String m = assertThrows(DataException.class, () -> CsvReader.read(p)).getMessage();
        assertTrue(m.contains("no such file") && m.contains("absent.csv"), m);
    }
}
