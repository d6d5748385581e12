package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** Selections, label corruption, normalization, dtype and splits of the Dataset value. */
class DatasetTest {
    /** Ten rows: x[i] = (i, 10 i), label i % 3, classes a, b, c. */
    private static Dataset ten() {
        double[] x = new double[20];
        int[] y = new int[10];
        for (int i = 0; i < 10; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 10 * i;
            y[i] = i % 3;
        }
        return Dataset.of("ten", Tensor.wrap(x, 10, 2), y, 3, List.of("a", "b", "c"));
    }

    @Test
    void sliceAndSubsetCopyRows() {
        Dataset d = ten();
        Dataset s = d.slice(2, 5);
        assertEquals(3, s.size());
        assertEquals(2.0, s.x().get(0, 0));
        assertArrayEquals(new int[] {2, 0, 1}, s.y());
        Dataset u = d.subset(9, 0, 9);
        assertArrayEquals(new double[] {9, 90, 0, 0, 9, 90}, u.x().toDoubleArray());
        assertArrayEquals(new int[] {0, 0, 0}, u.y());
        assertThrows(IndexOutOfBoundsException.class, () -> d.slice(5, 11));
        assertThrows(IndexOutOfBoundsException.class, () -> d.subset(10));
    }

    @Test
    void arraysAreCopiedInAndOut() {
        int[] y = {0, 1};
        Dataset d = Dataset.of("t", Tensor.wrap(new double[] {1, 2}, 2, 1), y, 2);
        y[0] = 1;
        assertEquals(0, d.label(0));
        d.y()[1] = 0;
        assertEquals(1, d.label(1));
    }

    @Test
    void validationNamesTheDataSet() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("bad", Tensor.wrap(new double[] {1, 2}, 2, 1), new int[] {0, 5}, 3)).getMessage();
        assertTrue(m.contains("bad") && m.contains("label 5"), m);
        String n = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("bad", Tensor.wrap(new double[] {1, 2}, 2, 1), new int[] {0}, 3)).getMessage();
        assertTrue(n.contains("2 samples") && n.contains("1 labels"), n);
    }

    @Test
    void classSubsetRelabelsInTheGivenOrder() {
        Dataset d = ten().classSubset(2, 0);
        assertEquals(7, d.size()); // labels 0: rows 0,3,6,9; labels 2: rows 2,5,8
        assertEquals(2, d.numClasses());
        assertEquals(List.of("c", "a"), d.classNames());
        assertArrayEquals(new int[] {1, 0, 1, 0, 1, 0, 1}, d.y());
        assertEquals(2.0, d.x().get(1, 0));
        Dataset keep = ten().classSubset(false, 2, 0);
        assertArrayEquals(new int[] {0, 2, 0, 2, 0, 2, 0}, keep.y());
        assertEquals(3, keep.numClasses());
        assertThrows(IllegalArgumentException.class, () -> ten().classSubset(3));
    }

    @Test
    void labelNoiseChangesExactlyTheFraction() {
        Dataset d = Synthetic.gaussianMixture(1000, 4, 3, 3.0, Rng.seed(1));
        Dataset noisy = d.withLabelNoise(0.25, Rng.seed(2));
        int changed = 0;
        for (int i = 0; i < d.size(); i++) {
            changed += d.label(i) != noisy.label(i) ? 1 : 0;
        }
        assertEquals(250, changed);
        assertArrayEquals(noisy.y(), d.withLabelNoise(0.25, Rng.seed(2)).y());
        assertArrayEquals(d.y(), d.withLabelNoise(0, Rng.seed(2)).y());
        assertThrows(IllegalArgumentException.class, () -> d.withLabelNoise(1.5, Rng.seed(2)));
    }

    @Test
    void randomLabelsAreUniformAndSeeded() {
        Dataset d = Synthetic.gaussianMixture(4000, 4, 2, 1.0, Rng.seed(1));
        Dataset r = d.withRandomLabels(Rng.seed(3));
        assertArrayEquals(r.y(), d.withRandomLabels(Rng.seed(3)).y());
        for (int c : r.classCounts()) {
            assertEquals(1000, c, 100);
        }
        int same = 0;
        for (int i = 0; i < d.size(); i++) {
            same += d.label(i) == r.label(i) ? 1 : 0;
        }
        assertEquals(1000, same, 100); // agreement at chance level 1/4
    }

    @Test
    void normalizationFromTrainAppliesToTest() {
        Dataset d = ten();
        Normalization g = d.normalization(Normalization.Mode.PER_FEATURE);
        assertArrayEquals(new double[] {4.5, 45}, g.mean(), 1e-12);
        assertEquals(Math.sqrt(8.25), g.std()[0], 1e-12);
        Dataset n = d.normalized(Normalization.Mode.PER_FEATURE);
        Normalization after = n.normalization(Normalization.Mode.PER_FEATURE);
        assertArrayEquals(new double[] {0, 0}, after.mean(), 1e-12);
        assertArrayEquals(new double[] {1, 1}, after.std(), 1e-12);
        Dataset test = d.slice(0, 2).normalizedWith(g);
        assertEquals((0 - 4.5) / Math.sqrt(8.25), test.x().get(0, 0), 1e-12);

        Normalization global = d.normalization(Normalization.Mode.GLOBAL);
        assertEquals(24.75, global.mean()[0], 1e-12);
        Dataset gn = d.asType(DType.FLOAT32).normalized(Normalization.Mode.GLOBAL);
        assertEquals(DType.FLOAT32, gn.dtype());
        assertEquals(0, gn.normalization(Normalization.Mode.GLOBAL).mean()[0], 1e-6);

        Dataset constant = Dataset.of("c", Tensor.wrap(new double[] {3, 3}, 2, 1), new int[] {0, 1}, 2);
        assertArrayEquals(new double[] {0, 0}, constant.normalized(Normalization.Mode.PER_FEATURE).x().toDoubleArray());
        assertThrows(IllegalArgumentException.class, () -> Datasets.digits().normalizedWith(g));
    }

    @Test
    void asTypeAndSampleShape() {
        Dataset f = ten().asType(DType.FLOAT32);
        assertEquals(DType.FLOAT32, f.dtype());
        assertEquals(90f, f.x().get(9, 1));
        Dataset r = ten().withSampleShape(1, 2, 1);
        assertArrayEquals(new int[] {10, 1, 2, 1}, r.x().shape());
        assertThrows(IllegalArgumentException.class, () -> ten().withSampleShape(3));
    }

    @Test
    void splitsAreDisjointAndCover() {
        Dataset d = ten();
        TrainTest s = d.split(0.3, Rng.seed(5));
        assertEquals(7, s.train().size());
        assertEquals(3, s.test().size());
        boolean[] seen = new boolean[10];
        for (Dataset part : List.of(s.train(), s.test())) {
            for (int i = 0; i < part.size(); i++) {
                int row = (int) part.x().get(i, 0);
                assertTrue(!seen[row], "row " + row + " in both parts");
                seen[row] = true;
            }
        }
        assertArrayEquals(s.test().y(), d.split(0.3, Rng.seed(5)).test().y());
        assertFalse(Arrays.equals(s.test().x().toDoubleArray(), d.split(0.3, Rng.seed(6)).test().x().toDoubleArray()));
        TrainTest at = d.splitAt(8);
        assertEquals(8, at.train().size());
        assertEquals(8.0, at.test().x().get(0, 0));
    }

    @Test
    void regressionDataSetsHaveTargetsAndNoLabels() {
        Dataset r = Synthetic.sine(50, 0.1, Rng.seed(0));
        assertTrue(r.hasTargets() && !r.hasLabels());
        assertEquals(0, r.numClasses());
        Dataset s = r.subset(3, 4);
        assertEquals(r.targets().get(3, 0), s.targets().get(0, 0));
        assertThrows(IllegalStateException.class, r::classCounts);
        assertTrue(r.toString().contains("targets"));
    }
}
