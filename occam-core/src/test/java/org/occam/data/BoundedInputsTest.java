package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * Issue 14: readers refuse what would make later work unbounded or meaningless (non-finite CSV
 * features, labels of billions of classes), allocate no more than their input holds, and the
 * stratified split costs no loop over the classes.
 */
class BoundedInputsTest {
    @TempDir
    Path dir;

    @Test
    void csvRefusesEverySpellingOfNonFiniteFeaturesWithLineAndColumn() throws IOException {
        for (String v : List.of("NaN", "nan", "-nan", "Infinity", "-Infinity", "+Infinity", "inf", "-inf", "INF",
                "infinity", "1e999")) {
            Path f = Files.writeString(dir.resolve("f.csv"), "1,2,0\n3," + v + ",1\n");
            String m = assertThrows(DataException.class, () -> CsvReader.read(f)).getMessage();
            assertEquals("CSV " + f + ":2, column 2: '" + v + "' is not a finite number; features must be finite: remove or"
                    + " impute the value", m);
        }
        Path header = Files.writeString(dir.resolve("h.csv"), "a,b,label\n1,2,x\nnan,4,y\n");
        assertEquals("CSV " + header + ":3, column 'a': 'nan' is not a finite number; features must be finite: remove or"
                + " impute the value", assertThrows(DataException.class, () -> CsvReader.read(header)).getMessage());
    }

    @Test
    void csvRefusesLabelsAtOrAboveTheClassLimit() throws IOException {
        Path f = Files.writeString(dir.resolve("l.csv"), "0.5,2,0\n3,4,2000000000\n");
        assertEquals("CSV " + f + ":2: label 2000000000 is too large: class indices must be below 100000 (labels are class"
                + " indices 0..K-1)", assertThrows(DataException.class, () -> CsvReader.read(f)).getMessage());
        Path ok = Files.writeString(dir.resolve("ok.csv"), "0.5,2,0\n3,4,99999\n");
        assertEquals(Dataset.MAX_CLASSES, CsvReader.read(ok).numClasses());
    }

    @Test
    void aDatasetHasAtMostMaxClasses() {
        Tensor x = Tensor.wrap(new double[] {1, 2}, 2, 1);
        String m = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("d", x, new int[] {0, 1}, Dataset.MAX_CLASSES + 1)).getMessage();
        assertEquals("data set d: 100001 classes, more than the limit of 100000; labels must be class indices 0..K-1", m);
    }

    /** The split is the one the per-class loop gave (same rows for the same seed), for any labels. */
    @Test
    void stratifiedSplitEqualsThePerClassDefinition() {
        Rng gen = Rng.seed(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + gen.nextInt(300);
            int k = 1 + gen.nextInt(trial % 2 == 0 ? 5 : 400); // many empty classes on odd trials
            int[] y = gen.ints(n, k);
            double[] xs = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = i;
            }
            Dataset d = Dataset.of("d", Tensor.wrap(xs, n, 1), y, k);
            double fraction = gen.nextInt(11) / 10.0;
            TrainTest got = d.stratifiedSplit(fraction, Rng.seed(trial));
            boolean[] isTest = perClassLoop(y, k, fraction, Rng.seed(trial));
            List<Double> test = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (isTest[i]) {
                    test.add((double) i);
                }
            }
            assertArrayEquals(test.stream().mapToDouble(Double::doubleValue).toArray(), got.test().x().toDoubleArray(),
                    "trial " + trial);
            assertEquals(n - test.size(), got.train().size());
        }
    }

    /** The former definition: for each class in order, a permutation of its rows, the first round(f·count) to test. */
    private static boolean[] perClassLoop(int[] y, int k, double fraction, Rng rng) {
        boolean[] isTest = new boolean[y.length];
        for (int c = 0; c < k; c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == c) {
                    rows.add(i);
                }
            }
            int[] perm = rng.permutation(rows.size());
            for (int j = 0; j < Math.round(fraction * rows.size()); j++) {
                isTest[rows.get(perm[j])] = true;
            }
        }
        return isTest;
    }

    /** A header that declares 2·10⁹ values on a 20-byte file: refused as truncated, after allocating kilobytes, not 2 GB. */
    @Test
    void idxAllocatesWhatTheFileHoldsNotWhatItDeclares() throws IOException {
        Path f = Files.write(dir.resolve("lie-idx1-ubyte"), Fixtures.idx(new int[] {2_000_000_000}, new byte[16]));
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        String m = assertThrows(DataException.class, () -> IdxReader.read(f)).getMessage();
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(m.contains("truncated") && m.contains("2000000000") && m.contains("only 16 follow"), m);
        assertTrue(allocated < 50_000_000, "allocated " + allocated + " bytes");
    }
}
