package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;

/** Synthetic sets: shapes, class balance, determinism per seed, and their defining properties. */
class SyntheticTest {
    private static void deterministic(LongFunction<Dataset> make) {
        Dataset a = make.apply(11);
        Dataset b = make.apply(11);
        Dataset c = make.apply(12);
        assertArrayEquals(a.x().toDoubleArray(), b.x().toDoubleArray(), a.name());
        assertFalse(Arrays.equals(a.x().toDoubleArray(), c.x().toDoubleArray()), a.name());
        if (a.hasLabels()) {
            assertArrayEquals(a.y(), b.y());
        }
    }

    @Test
    void allAreDeterministicPerSeed() {
        deterministic(s -> Synthetic.twoMoons(100, 0.1, Rng.seed(s)));
        deterministic(s -> Synthetic.spirals(90, 3, 0.05, Rng.seed(s)));
        deterministic(s -> Synthetic.rings(90, 3, 0.05, Rng.seed(s)));
        deterministic(s -> Synthetic.gaussianMixture(60, 3, 5, 2.0, Rng.seed(s)));
        deterministic(s -> Synthetic.sine(40, 0.1, Rng.seed(s)));
        deterministic(s -> Synthetic.linearlySeparable(50, 4, 0.5, Rng.seed(s)));
        deterministic(s -> Synthetic.teacherStudent(50, 6, 8, 3, Rng.seed(s)));
        deterministic(s -> Synthetic.teacherStudentRegression(50, 6, 8, 2, 0.0, Rng.seed(s)));
    }

    @Test
    void shapesAndBalance() {
        Dataset m = Synthetic.twoMoons(101, 0.1, Rng.seed(0));
        assertArrayEquals(new int[] {101, 2}, m.x().shape());
        assertArrayEquals(new int[] {51, 50}, m.classCounts());
        assertEquals(DType.FLOAT64, m.dtype());
        Dataset s = Synthetic.spirals(100, 4, 0.0, Rng.seed(0));
        assertArrayEquals(new int[] {25, 25, 25, 25}, s.classCounts());
        Dataset g = Synthetic.gaussianMixture(30, 3, 7, 1.0, Rng.seed(0));
        assertArrayEquals(new int[] {30, 7}, g.x().shape());
        assertEquals(3, g.numClasses());
        Dataset t = Synthetic.teacherStudent(40, 6, 8, 3, Rng.seed(0));
        assertArrayEquals(new int[] {40, 6}, t.x().shape());
        assertArrayEquals(new int[] {40, 3}, t.targets().shape());
        Dataset tr = Synthetic.teacherStudentRegression(40, 6, 8, 2, 0.0, Rng.seed(0));
        assertArrayEquals(new int[] {40, 2}, tr.targets().shape());
        assertFalse(tr.hasLabels());
        // classes are interleaved, not in blocks
        assertTrue(Arrays.stream(m.slice(0, 20).y()).distinct().count() == 2);
    }

    @Test
    void ringsHaveTheirRadiiWithoutNoise() {
        Dataset r = Synthetic.rings(60, 3, 0.0, Rng.seed(4));
        for (int i = 0; i < r.size(); i++) {
            double rad = Math.hypot(r.x().get(i, 0), r.x().get(i, 1));
            assertEquals((r.label(i) + 1) / 3.0, rad, 1e-12);
        }
    }

    @Test
    void moonsWithoutNoiseLieOnTheirCircles() {
        Dataset m = Synthetic.twoMoons(40, 0.0, Rng.seed(4));
        for (int i = 0; i < m.size(); i++) {
            double a = m.x().get(i, 0);
            double b = m.x().get(i, 1);
            double r = m.label(i) == 0 ? Math.hypot(a, b) : Math.hypot(1 - a, 0.5 - b);
            assertEquals(1.0, r, 1e-12);
        }
    }

    @Test
    void linearlySeparableRespectsTheMargin() {
        double[] w = {3, 4};
        Dataset d = Synthetic.linearlySeparable(500, w, 0.25, Rng.seed(9));
        for (int i = 0; i < d.size(); i++) {
            double s = (3 * d.x().get(i, 0) + 4 * d.x().get(i, 1)) / 5;
            assertTrue(Math.abs(s) >= 0.25 - 1e-12);
            assertEquals(s > 0 ? 1 : 0, d.label(i));
        }
        assertEquals(250, d.classCounts()[1], 60);
    }

    @Test
    void teacherLabelsAreArgmaxOfTargets() {
        Dataset t = Synthetic.teacherStudent(200, 5, 16, 4, Rng.seed(2));
        for (int i = 0; i < t.size(); i++) {
            int best = 0;
            for (int o = 1; o < 4; o++) {
                if (t.targets().get(i, o) > t.targets().get(i, best)) {
                    best = o;
                }
            }
            assertEquals(best, t.label(i));
        }
        assertTrue(Arrays.stream(t.classCounts()).allMatch(c -> c > 0), Arrays.toString(t.classCounts()));
        TeacherMlp teacher = TeacherMlp.random(5, 16, 4, Rng.seed(2));
        assertArrayEquals(new int[] {200, 4}, teacher.apply(t.x()).shape());
    }

    @Test
    void sineTargetsFollowSin() {
        Dataset s = Synthetic.sine(100, 0.0, Rng.seed(1));
        for (int i = 0; i < s.size(); i++) {
            double x = s.x().get(i, 0);
            assertTrue(x >= -Math.PI && x <= Math.PI);
            assertEquals(Math.sin(x), s.targets().get(i, 0), 1e-15);
        }
        assertEquals(List.of(), s.classNames());
    }
}
